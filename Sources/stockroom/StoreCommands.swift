import ArgumentParser

/// The storage issue's commands (demo, allocation, tokens, log, show, verify, backup, repair),
/// registered by the root command.
enum StoreCommands {
  static let all: [ParsableCommand.Type] = []
}

import ArgumentParser
import Foundation

/// The `stockroom` command: with no subcommand it opens the home screen.
@main
struct Stockroom: ParsableCommand {
  static let version = "0.1.0"

  static let configuration = CommandConfiguration(
    commandName: "stockroom",
    abstract: "Inventory wizards for support staff and warehouse technicians.",
    discussion: """
      With no subcommand, opens the home screen in the terminal. Every wizard also has a \
      headless twin that takes the same answers as options.
      """,
    version: version,
    subcommands: StoreCommands.all
  )

  @OptionGroup var global: GlobalOptions

  func run() throws {
    print("Stockroom \(Stockroom.version): the terminal screens are coming.")
  }
}

import ArgumentParser
import Foundation
import StockroomStore

/// `stockroom backup DEST`: a consistent copy taken under the lock while others work.
struct BackupCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "backup", abstract: "Copy a consistent store into an empty directory.",
    discussion: HelpExamples.discussion(
      examples: "stockroom backup /var/backups/stockroom-2026-11-22"))

  @OptionGroup var global: GlobalOptions
  @Argument(help: "The directory to create or fill.") var destination: String

  func run() throws {
    let store = StoreCommands.open(global)
    do {
      try store.backup(
        to: URL(fileURLWithPath: destination), progress: RebuildProgress.pass("backup: copying"))
      print("Backed up \(store.lastSequence) transactions to \(destination).")
    } catch {
      StoreCommands.fail(error)
    }
  }
}

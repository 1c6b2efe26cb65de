import ArgumentParser
import Foundation
import StockroomStore

/// `stockroom repair --yes`: the only repair beyond cutting a torn tail.
struct RepairCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "repair",
    abstract: "Cut the ledger at its first damaged record and rebuild the snapshot.",
    discussion: "Without --yes, says what is wrong and changes nothing.")

  @OptionGroup var global: GlobalOptions
  @Flag(help: "Really repair.") var yes = false

  func run() throws {
    let url = global.resolvedDataDirectory()
    guard yes else {
      do {
        let problems = try FileStore.verify(at: url)
        print(problems.isEmpty ? "Nothing to repair." : problems.joined(separator: "\n"))
      } catch {
        print("Would cut: " + error.message)
        print("Run again with --yes to cut the ledger there (the rest is kept beside it).")
      }
      return
    }
    do {
      for line in try FileStore.repair(at: url) { print(line) }
    } catch {
      StoreCommands.fail(error)
    }
  }
}

import ArgumentParser
import Foundation
import StockroomStore

/// `stockroom repair --yes`: the only repair beyond cutting a torn tail.
struct RepairCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "repair",
    abstract: "Cut the ledger at its first damaged record and rebuild the snapshot.",
    discussion: HelpExamples.discussion(
      "Without --yes, says what is wrong and changes nothing.", examples: "stockroom repair",
      "stockroom repair --yes"))

  @OptionGroup var global: GlobalOptions
  @Flag(help: "Really repair.") var yes = false

  func run() throws {
    if case .postgres(let url) = global.resolvedStore() {
      print(
        """
        \(url.place) is a database store: PostgreSQL's own tools repair databases (its \
        write-ahead log, amcheck, a base backup with point-in-time recovery). Stockroom \
        changes nothing here; stockroom verify --store URL says whether the ledger, its \
        chain and the mirror tables agree.
        """)
      return
    }
    let url = global.resolvedDataDirectory()
    var options = FileStore.Options()
    guard yes else {
      do {
        options.progress = RebuildProgress.pass("repair: checking the ledger, index and snapshot")
        let problems = try FileStore.verify(at: url, options: options)
        print(problems.isEmpty ? "Nothing to repair." : problems.joined(separator: "\n"))
      } catch {
        print("Would cut: " + error.message)
        print("Run again with --yes to cut the ledger there (the rest is kept beside it).")
      }
      return
    }
    do {
      options.progress = RebuildProgress.pass("repair: reading the ledger, then rebuilding")
      for line in try FileStore.repair(at: url, options: options) { print(line) }
    } catch {
      StoreCommands.fail(error)
    }
  }
}

import ArgumentParser
import Foundation
import StockroomDomain
import StockroomPostgres
import StockroomStore

/// `stockroom verify`: records, chain, snapshot and invariants.
struct VerifyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "verify",
    abstract: "Check every record, the chain, the snapshot and the invariants.",
    discussion: HelpExamples.discussion(
      "Exit 0 when all hold; 1 with one line per problem; 4 when the store cannot open.",
      examples: "stockroom verify", "stockroom verify --json"))

  @OptionGroup var global: GlobalOptions
  @Flag(help: "Print one JSON object.") var json = false

  func run() throws {
    do {
      var problems = try check()
      // The reversals are read through the store once its records and state hold.
      if problems.isEmpty { problems = try reversalProblems() }
      if json {
        let list = problems.map { JSONText.string($0) }.joined(separator: ",")
        print(JSONText.object([("ok", String(problems.isEmpty)), ("problems", "[\(list)]")]))
      } else if problems.isEmpty {
        print("verify: ok")
      }
      if !problems.isEmpty {
        for problem in problems {
          FileHandle.standardError.write(Data(("stockroom: " + problem + "\n").utf8))
        }
        Foundation.exit(ExitStatus.refused.rawValue)
      }
    } catch {
      StoreCommands.fail(error)
    }
  }

  /// Each reversal against its original, and none reversed twice (`ReversalAudit`).
  private func reversalProblems() throws(StoreError) -> [String] {
    let store = StoreCommands.open(global, readOnly: true, background: false)
    var audit = ReversalAudit()
    // The state's index names every reversal: two lookups each, no second pass.
    for id in store.state.reversals.all {
      guard let reversal = try store.transaction(id: id), let change = reversal.reversal else {
        continue
      }
      audit.check(reversal, original: try store.transaction(id: change.reverses))
    }
    return audit.problems
  }

  /// The problems of the store this run uses: on a database store, the chain replayed against
  /// the mirror tables; on files, the ledger, index and snapshot.
  private func check() throws(StoreError) -> [String] {
    switch global.resolvedStore() {
    case .postgres(let url):
      var options = StoreCommands.databaseOptions(global)
      options.progress = RebuildProgress.pass("verify: replaying the ledger")
      return try PostgresStore.verify(url, options: options)
    case .directory(let url):
      var options = FileStore.Options()
      options.progress = RebuildProgress.pass("verify: checking the ledger, index and snapshot")
      return try FileStore.verify(at: url, options: options)
    }
  }
}

import Foundation
import StockroomDomain
import StockroomStore
import TerminalUI

/// The consent contract of a headless twin (docs/DESIGN.md, Adding a command): check the command against
/// the store, then either print the summary and write nothing, or commit it with `--yes`.
/// `Summary` says the change in words (deallocation, allocation, receiving). The domain checks
/// the command once: `validate` for the summary, or the store's commit with `--yes`.
struct CommandRun<Summary: CommandSummary> {
  var global: GlobalOptions
  var options: TransactionOptions
  var context: TransactionContext

  /// The width summary lines are wrapped to.
  static var width: Int { 80 }

  /// Prints the summary of `command`, or commits it with `--yes`.
  func perform(_ command: Command) {
    perform(command, on: StoreCommands.open(global, readOnly: !options.yes))
  }

  /// `perform` on a store already open (read-only without `--yes`).
  func perform(_ command: Command, on store: any LedgerStore) {
    guard options.yes else {
      let change: Change
      do throws(DomainError) {
        change = try validate(command, against: store.state)
      } catch {
        StoreCommands.fail(.refused(error))
      }
      preview(change, Summary(command: command, context: context, state: store.state))
      return
    }
    let result: CommitResult
    do {
      result = try store.commit(command, context: context, key: options.commitKey.value)
    } catch {
      StoreCommands.fail(error)
    }
    BackgroundSnapshot.startIfDue(store)
    if options.json {
      print(JSONText.encode(result.transaction))
    } else {
      print("Transaction ID: \(result.transaction.transactionId)")
    }
  }

  /// Without `--yes`: the summary (or a JSON object with `committed: false`), nothing written.
  private func preview(_ change: Change, _ summary: Summary) {
    let lines = SummaryLayout.lines(
      heading: summary.heading, bullets: summary.bullets,
      rows: summary.rows.map { ($0.label, $0.items, $0.isList) }, width: Self.width)
    if options.json {
      print(
        JSONText.object(
          [
            ("committed", "false"), ("action", JSONText.string(change.action.rawValue)),
            ("account", JSONText.string(change.account)),
            ("items", JSONText.encode(change.items)),
            ("reference", JSONText.string(context.reference)),
            ("comment", JSONText.string(context.comment)),
          ] + billingField
            + (context.returnReason.map { [("returnReason", JSONText.string($0.rawValue))] } ?? [])
            + [
              ("summary", "[" + lines.map { JSONText.string($0) }.joined(separator: ",") + "]")
            ]))
      return
    }
    var out = OutputBuffer()
    for line in lines { out.line(line) }
    out.line("Nothing written; add --yes to commit.")
    out.flush()
  }

  /// The billing object of an allocation, when it has one.
  private var billingField: [(String, String)] {
    context.billing.map { [("billing", JSONText.encode($0))] } ?? []
  }
}

/// The deallocation twins' run.
typealias DeallocationRun = CommandRun<DeallocationSummary>

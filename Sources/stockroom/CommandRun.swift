import Foundation
import StockroomDomain
import StockroomStore
import Wizards

/// The consent contract of a headless twin (DESIGN.md section 5): check the command against
/// the store, then either print the summary and write nothing, or commit it with `--yes`.
/// `Summary` says the change in words (deallocation, allocation, receiving).
struct CommandRun<Summary: CommandSummary> {
  var global: GlobalOptions
  var options: TransactionOptions
  var context: TransactionContext

  /// The width summary lines are wrapped to.
  static var width: Int { 80 }

  /// Checks and then prints or commits `command`. `precheck` names every problem of a serial
  /// list at once (exit 1) before the domain's own validation runs.
  func perform(
    _ command: Command, precheck: (InventoryState) -> [String] = { _ in [] }
  ) {
    let store = StoreCommands.open(global, readOnly: !options.yes)
    let problems = precheck(store.state)
    if !problems.isEmpty {
      CommandFailure(status: .refused, message: "refused: " + problems.joined(separator: "; "))
        .exit()
    }
    let change: Change
    do throws(DomainError) {
      change = try validate(command, against: store.state)
    } catch {
      StoreCommands.fail(.refused(error))
    }
    let summary = Summary(command: command, context: context, state: store.state)
    guard options.yes else {
      preview(change, summary)
      return
    }
    let result: CommitResult
    do {
      result = try store.commit(command, context: context, key: ProcessIdentity.newKey())
    } catch {
      StoreCommands.fail(error)
    }
    do {
      try store.writeSnapshotIfDue()
    } catch {
      StoreCommands.warn(["snapshot not written: " + error.message])
    }
    if options.json {
      print(JSONText.encode(result.transaction))
    } else {
      print("Transaction ID: \(result.transaction.transactionId)")
    }
  }

  /// Without `--yes`: the summary (or a JSON object with `committed: false`), nothing written.
  private func preview(_ change: Change, _ summary: Summary) {
    let lines = summary.lines(width: Self.width)
    if options.json {
      print(
        JSONText.object(
          [
            ("committed", "false"), ("action", JSONText.string(change.action.rawValue)),
            ("account", JSONText.string(change.account)),
            ("items", JSONText.encode(change.items)),
            ("reference", JSONText.string(context.reference)),
            ("comment", JSONText.string(context.comment)),
          ] + billingField + [
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

/// `--interactive` for any twin: the screens in the terminal, filled with what the options gave.
enum InteractiveRun {
  /// Opens `screens` above home, or refuses without a terminal (exit 2).
  static func open(global: GlobalOptions, _ screens: (AppContext) -> [any Screen])
    -> Never
  {
    guard isatty(0) != 0, isatty(1) != 0 else {
      UsageCheck.fail("--interactive needs a terminal")
    }
    TerminalLaunch.run(global: global, screens: screens)
    exit(0)
  }
}

extension CommandRun where Summary == DeallocationSummary {
  /// `--interactive`: the wizard in the terminal, filled with `answers`, at
  /// the first step that still needs an answer.
  static func openWizard(_ answers: DeallocationRecord, global: GlobalOptions) -> Never {
    InteractiveRun.open(global: global) { answers.screens(context: $0) }
  }
}

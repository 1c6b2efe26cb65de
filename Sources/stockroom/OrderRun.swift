import ArgumentParser
import Foundation
import StockroomDomain
import StockroomStore

/// Who acts and the consent options every order command shares.
struct ActingOptions: ParsableArguments {
  @Option(
    name: .customLong("as"),
    help: "Act as this employee (EMP-0001), where the user map (users.tsv) allows it.")
  var asEmployee: String?
  @Option(help: "Comment (up to 128 printable characters); required to reject or ask.")
  var comment: String?
  @Flag(help: "Commit. Without it the summary is printed and nothing is written.")
  var yes = false
  @Flag(help: "Print one JSON object.")
  var json = false
  @OptionGroup var commitKey: CommitKeyOption
}

/// The consent contract for order commands (docs/DESIGN.md section 5): the acting employee from
/// the user map, the command checked against the store, then the summary or the commit.
struct OrderRun {
  var global: GlobalOptions
  var acting: ActingOptions

  /// The employee this OS user acts as by the store's user map, or exit 1.
  func actor(_ store: any LedgerStore) -> String {
    let user = OSUser.current
    let map: UserMap
    do {
      map = try store.userMap()
    } catch {
      StoreCommands.fail(error)
    }
    switch map.acting(user: user.name, uid: user.uid, as: acting.asEmployee) {
    case .success(let employee): return employee
    case .failure(let refusal): CommandFailure(status: .refused, message: refusal.message).exit()
    }
  }

  /// Now, as the commands record it (STOCKROOM_NOW honoured).
  static var now: String { ProcessIdentity.format(ProcessIdentity.now()) }

  var comment: String {
    let text = acting.comment ?? ""
    do throws(DomainError) {
      try TextRules.checkComment(text)
    } catch {
      UsageCheck.fail(error.message)
    }
    return text
  }

  /// Checks `make(actor, at)`; prints `summary` without --yes, else commits and prints
  /// `done(result)` (with --json, `json(result)`, by default the order it names).
  func perform(
    _ make: (_ actor: String, _ at: String) -> OrderCommand,
    summary: (OrderBook, Change) -> [String],
    done: (OrderBook, Transaction) -> String,
    json: ((OrderBook, Transaction) -> String)? = nil
  ) {
    let store = StoreCommands.open(global, readOnly: !acting.yes)
    let actor = actor(store)
    let command = Command.order(make(actor, Self.now))
    guard acting.yes else {
      let change: Change
      do throws(DomainError) {
        change = try validate(command, against: store.state)
      } catch {
        StoreCommands.fail(.refused(error))
      }
      let lines = summary(store.state.orders, change)
      if acting.json {
        print(
          JSONText.object([
            ("committed", "false"), ("action", JSONText.string(change.action.rawValue)),
            ("summary", "[" + lines.map { JSONText.string($0) }.joined(separator: ",") + "]"),
          ]))
        return
      }
      for line in lines { print(TextRules.neutralised(line)) }
      print("Nothing written; add --yes to commit.")
      return
    }
    let before = store.warnings.count
    let result: CommitResult
    do {
      result = try store.commit(
        command, context: ProcessIdentity.context(performedBy: actor, comment: comment),
        key: acting.commitKey.value)
    } catch {
      StoreCommands.fail(error)
    }
    StoreCommands.warn(Array(store.warnings.dropFirst(before)))
    BackgroundSnapshot.startIfDue(store)
    // Headless, the mail goes out before the command ends (the ledger already holds the change).
    StoreCommands.warn(store.outbox.deliver(first: store.posted).problems)
    if acting.json, let json {
      print(json(store.state.orders, result.transaction))
    } else if acting.json {
      let number = result.transaction.order?.number
      let order = number.flatMap { store.state.orders.order($0) }
      let mail = number.map { store.outbox.deliveries(order: $0) } ?? []
      print(
        order.map { OrderJSON.order($0, book: store.state.orders, mail: mail) }
          ?? JSONText.encode(result.transaction))
    } else {
      print(TextRules.neutralised(done(store.state.orders, result.transaction)))
    }
  }

  /// Label and value rows as aligned lines.
  static func lines(_ rows: [(String, String)]) -> [String] {
    rows.map { $0.0.padding(toLength: 16, withPad: " ", startingAt: 0) + $0.1 }
  }
}

import ArgumentParser
import Foundation
import StockroomDomain
import StockroomStore
import TerminalUI

/// The options the item actions share: who performed it, the reference, consent.
struct ActionOptions: ParsableArguments {
  @Option(help: "The subscription number (SUB-000123).") var subscription: String?
  @Option(help: "Who performed the action (default: you, the OS user).") var performedBy: String?
  @Option(help: "Optional transaction reference, unique among actions (up to 64 characters).")
  var reference: String?
  @Flag(help: "Commit. Without it the summary is printed and nothing is written.")
  var yes = false
  @Flag(help: "Print one JSON object.") var json = false
  @OptionGroup var commitKey: CommitKeyOption
  @Flag(help: "Open the subscription action modal filled with these answers.")
  var interactive = false

  /// The subscription number, or a usage error.
  var number: String {
    guard let subscription else { UsageCheck.fail("--subscription is required") }
    return subscription
  }

  /// Who performed the action (default: the OS user), or a usage error.
  var performer: String {
    let performer = performedBy ?? OSUser.current.name
    if !TextSafety.isPrintable(performer) || performer.count > 64 || performer.isEmpty {
      UsageCheck.fail("--performed-by: up to 64 printable characters")
    }
    return performer
  }
}

/// Runs an item action with the consent contract of the README's Commands section: the
/// summary without `--yes`, the commit with it.
struct SubscriptionActionRun {
  var global: GlobalOptions
  var options: ActionOptions

  /// The action detail area: reference checked, performed now.
  func details() -> ActionDetails {
    let now = ProcessIdentity.format(ProcessIdentity.now())
    _ = UsageCheck.context(reference: options.reference, comment: nil)
    return ActionDetails(reference: options.reference ?? "", performedOn: now, submittedAt: now)
  }

  func perform(_ command: SubscriptionCommand) {
    let performer = options.performer
    var context = UsageCheck.context(reference: options.reference, comment: nil)
    context.performedBy = performer
    let store = StoreCommands.open(global, readOnly: !options.yes)
    guard options.yes else {
      let change: Change
      do throws(DomainError) {
        change = try validate(.subscription(command), against: store.state)
      } catch {
        StoreCommands.fail(.refused(error))
      }
      let book = store.state.subscriptions
      let lines =
        change.subscription.map {
          SubscriptionPreview.lines($0, action: change.action, book: book)
        } ?? []
      if options.json {
        print(
          JSONText.object([
            ("committed", "false"), ("action", JSONText.string(change.action.rawValue)),
            ("subscription", JSONText.string(change.subscription?.subscription)),
            ("performedBy", JSONText.string(performer)),
            ("reference", JSONText.string(context.reference)),
            ("summary", SubscriptionCommands.strings(lines)),
          ]))
        return
      }
      for line in lines { print(TextRules.neutralised(line)) }
      print("Nothing written; add --yes to commit.")
      return
    }
    let result: CommitResult
    do {
      result = try store.commit(
        .subscription(command), context: context, key: options.commitKey.value)
    } catch {
      StoreCommands.fail(error)
    }
    BackgroundSnapshot.startIfDue(store)
    if options.json {
      print(JSONText.encode(result.transaction))
      return
    }
    print("Transaction ID: \(result.transaction.transactionId)")
    for step in result.transaction.subscription?.steps ?? [] {
      print("  " + TextRules.neutralised(step))
    }
  }
}

/// `stockroom swap`: Swap Installed Item (SWAPINSTALLEDITEM) without a screen.
struct SwapCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "swap", abstract: "Swap an installed item for a new one (Swap Installed Item).",
    discussion: HelpExamples.discussion(
      """
      An item outside a bundle may be swapped for any product the Active Subscription \
      Definition Rules allow. With --mode component, --item is the component checked under \
      Installed Items Components on screen and --new the New Component Serial No., of the \
      same product; with --mode bundle the whole Fixed Product Bundle is swapped and --new is \
      the New Installed Item Serial No, a Fixed Product Bundle physical good of the same \
      product. A lost or stolen rented item is not stocked back in.
      """,
      examples:
        "stockroom swap --subscription SUB-000001 --item STB-10001 --new STB-10006 --reason broken --yes",
      "stockroom swap --subscription SUB-000001 --item STB-10001 --interactive"))

  @OptionGroup var global: GlobalOptions
  @Option(help: "The installed serial to replace.") var item: String?
  @Option(
    name: .customLong("new"),
    help: ArgumentHelp(
      "The new serial, in stock: the New Installed Item Serial No (with --mode component "
        + "the New Component Serial No.)."))
  var newSerial: String?
  @Option(help: "bundle or component (for Fixed Product Bundles).") var mode: String?
  @Option(help: "broken (default), exchanged, stolen or lost.") var reason: String?
  @OptionGroup var options: ActionOptions

  func run() throws {
    let number = options.number
    if options.interactive { openInteractive() }
    guard let item else { UsageCheck.fail("--item is required") }
    guard let newSerial else { UsageCheck.fail("--new is required") }
    let chosenMode = mode.map { UsageCheck.word($0, option: "--mode", SwapMode.allCases) }
    let chosenReason = reason.map {
      UsageCheck.word($0, option: "--reason", SwapReason.allCases)
    }
    let run = SubscriptionActionRun(global: global, options: options)
    run.perform(
      .swap(
        SwapRequest(
          subscription: number, serial: item, newSerial: newSerial, mode: chosenMode,
          reason: chosenReason ?? .broken, details: run.details())))
  }
}

/// `stockroom remove`: Remove Installed Item (Undo Add in Draft) without a screen.
struct RemoveItemCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "remove", abstract: "Remove an installed item (Undo Add in Draft).",
    discussion: HelpExamples.discussion(
      """
      A rented item goes back to the warehouse of the Active Inventory Management Definition \
      (Stock In); a sold item stays with the Subscriber's Accounts Receivable. In Draft the item goes back as if never added.
      """,
      examples:
        "stockroom remove --subscription SUB-000001 --item RTR-10001 --reference WO-311 --yes",
      "stockroom remove --subscription SUB-000003 --item STB-10002"))

  @OptionGroup var global: GlobalOptions
  @Option(help: "The installed serial.") var item: String?
  @OptionGroup var options: ActionOptions

  func run() throws {
    let number = options.number
    if options.interactive { openInteractive() }
    guard let item else { UsageCheck.fail("--item is required") }
    let run = SubscriptionActionRun(global: global, options: options)
    run.perform(.remove(RemoveRequest(subscription: number, serial: item, details: run.details())))
  }
}

/// `stockroom add-item`: Add Installed Item (ADDINSTALLEDITEM) without a screen.
struct AddItemCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add-item", abstract: "Add an available item from a warehouse to a subscription.",
    discussion: HelpExamples.discussion(
      examples:
        "stockroom add-item --subscription SUB-000001 --item STB-10006 --ownership rented --yes",
      "stockroom add-item --subscription SUB-000001 --interactive"))

  @OptionGroup var global: GlobalOptions
  @Option(help: "The serial in stock.") var item: String?
  @Option(help: "rented (default) or sold.") var ownership: String?
  @OptionGroup var options: ActionOptions

  func run() throws {
    let number = options.number
    if options.interactive { openInteractive() }
    guard let item else { UsageCheck.fail("--item is required") }
    let chosen = ownership.map {
      UsageCheck.word($0, option: "--ownership", ItemOwnership.allCases)
    }
    let run = SubscriptionActionRun(global: global, options: options)
    run.perform(
      .add(
        AddItemRequest(
          subscription: number, serial: item, ownership: chosen ?? .rented,
          details: run.details())))
  }
}

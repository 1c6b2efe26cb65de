import Foundation
import StockroomDomain
import StockroomStore
import Wizards

extension ActionOptions {
  /// The answers these options give, for `--interactive`, checked as the headless run
  /// checks them; the command adds its own.
  func record(_ action: SubscriptionAction) -> SubscriptionActionRecord {
    _ = UsageCheck.context(reference: reference, comment: nil)
    return SubscriptionActionRecord(
      action: action.commandName, subscription: number,
      performedBy: performedBy == nil ? nil : performer, reference: reference)
  }
}

/// `--interactive` for the item actions: the subscription action modal over the
/// subscription's screen, filled with the options' answers, at the first step that still
/// needs one. Without a terminal it is a usage error; a record the store cannot take (an
/// unknown subscription, an action not available on it) is refused before the screen opens.
enum SubscriptionActionInteractive {
  static func open(_ record: SubscriptionActionRecord, global: GlobalOptions) -> Never {
    guard isatty(0) != 0, isatty(1) != 0 else {
      UsageCheck.fail("--interactive needs a terminal")
    }
    check(record, global: global)
    InteractiveRun.open(global: global) { screens(record, context: $0) }
  }

  /// Refuses (exit 1) a record the store as it is cannot open.
  private static func check(_ record: SubscriptionActionRecord, global: GlobalOptions) {
    let environment = ProcessInfo.processInfo.environment
    let store = StoreCommands.open(global, readOnly: true)
    let context = AppContext(
      now: AppContext.fixedClock(environment) ?? Date(), userName: OSUser.current.name,
      userId: OSUser.current.uid, dataDirectory: global.resolvedDataDirectory(),
      version: Stockroom.version, store: store)
    if case .failure(let error) = SubscriptionActionFlow.restore(record, context: context) {
      CommandFailure(status: .refused, message: TextRules.neutralised(error.message)).exit()
    }
  }

  /// Subscriptions, the subscription, and the modal opened from `record`.
  static func screens(_ record: SubscriptionActionRecord, context: AppContext) -> [any Screen] {
    var screens: [any Screen] = [SubscriptionsScreen(context: context)]
    guard let number = record.subscription,
      context.state.subscriptions.subscription(number) != nil
    else { return screens }
    screens.append(SubscriptionScreen(number: number, context: context))
    if case .success(let restored) = SubscriptionActionFlow.restore(record, context: context) {
      screens.append(SubscriptionActionFlow.screen(restored))
    }
    return screens
  }
}

extension SwapCommand {
  /// Opens the subscription action modal filled with the options' answers.
  func openInteractive() -> Never {
    var record = options.record(.swap)
    record.item = item
    record.newItem = newSerial
    record.mode = mode.map { UsageCheck.word($0, option: "--mode", SwapMode.allCases).rawValue }
    record.reason = reason.map {
      UsageCheck.word($0, option: "--reason", SwapReason.allCases).rawValue
    }
    SubscriptionActionInteractive.open(record, global: global)
  }
}

extension RemoveItemCommand {
  /// Opens the subscription action modal filled with the options' answers.
  func openInteractive() -> Never {
    var record = options.record(.remove)
    record.item = item
    SubscriptionActionInteractive.open(record, global: global)
  }
}

extension AddItemCommand {
  /// Opens the subscription action modal filled with the options' answers.
  func openInteractive() -> Never {
    var record = options.record(.add)
    record.newItem = item
    record.ownership = ownership.map {
      UsageCheck.word($0, option: "--ownership", ItemOwnership.allCases).rawValue
    }
    SubscriptionActionInteractive.open(record, global: global)
  }
}

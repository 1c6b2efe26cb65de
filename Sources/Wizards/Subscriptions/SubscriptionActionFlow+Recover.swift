import StockroomDomain
import TerminalUI

/// Ties each failing validation to the control whose answer breaks it, and after a
/// refusal or conflict at Confirm re-reads the store and goes to that control.
extension SubscriptionActionFlow {
  /// The control to fix for `problem`; nil when it is about the subscription as a whole
  /// (its AR, its state, the warehouse), which no answer of the modal can change.
  static func control(breaking problem: DomainError, action: SubscriptionAction) -> Control? {
    switch problem {
    case .notInstalled: return .installed
    case .notAComponent: return .mode
    case .differentProduct, .itemNotAvailable: return .candidates
    case .duplicateReference: return .reference
    case .performedInFuture: return .performedDate
    case .rulesBroken: return action == .remove ? .installed : .candidates
    default: return nil
    }
  }

  public func recover(
    from outcome: CommitOutcome, answers: inout Answers, context: AppContext
  ) -> WizardPlace<Step, Control>? {
    let changes = answers.reread(context.state.subscriptions)
    answers.notice =
      changes.isEmpty
      ? nil : StatusLine("Changed meanwhile: " + changes.joined(separator: "; "), kind: .error)
    if let step = steps.dropLast().first(where: { refusal(step: $0, answers: answers) != nil }) {
      return WizardPlace(step, refusal(step: step, answers: answers)?.control)
    }
    guard let control = answers.problems.compactMap(\.control).first,
      steps.contains(control.step)
    else { return nil }
    return WizardPlace(control.step, control)
  }
}

extension SubscriptionActionAnswers {
  /// Takes the subscriptions book as it is now, keeping the chosen item and new item by
  /// serial; returns what could not be kept, in words.
  mutating func reread(_ fresh: SubscriptionBook) -> [String] {
    let itemSerial = item?.serial
    let candidateSerial = candidate?.serial
    book = fresh
    if let now = fresh.subscription(subscription.number) { subscription = now }
    items = Self.rows(action, subscription)
    var changes: [String] = []
    if let itemSerial, !highlight(itemSerial) {
      changes.append("\(itemSerial) is no longer installed on \(subscription.number)")
    }
    refreshCandidates()
    if let candidateSerial {
      candidateCursor = candidates.firstIndex { $0.serial == candidateSerial }
      if candidateCursor == nil { changes.append(unavailable(candidateSerial)) }
    }
    recompute()
    return changes
  }

  /// Highlights `serial` under Installed Items; in a swap, a component's bundle with the
  /// component checked under Installed Items Components. False when it is not installed.
  mutating func highlight(_ serial: String) -> Bool {
    let found = subscription.itemsInOrder.first { $0.serial.uppercased() == serial.uppercased() }
    let row = action == .swap ? (found?.bundle ?? found?.serial) : found?.serial
    itemCursor = items.firstIndex { $0.serial == row }
    refreshComponents()
    guard itemCursor != nil, let found else { return false }
    if action == .swap, found.bundle != nil {
      checked = [found.serial]
      componentCursor = components.firstIndex { $0.serial == found.serial } ?? 0
    }
    return true
  }

  /// Why `serial` is not among the new items the search can find, in words.
  func unavailable(_ serial: String) -> String {
    guard let stocked = book.stock[serial] else { return "\(serial) is not in stock" }
    if let wanted = wantedProduct, stocked.product != wanted {
      return "\(serial) is not a \(book.productName(wanted))"
    }
    if !pool.contains(stocked) {
      return "\(serial) is not available under the Active Inventory Management Definition"
    }
    return "\(serial) does not match the search \(search.text)"
  }
}

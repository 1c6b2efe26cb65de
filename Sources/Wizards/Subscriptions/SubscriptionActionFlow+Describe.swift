import StockroomDomain
import TerminalUI

/// What each control of the subscription action modal says about itself, the help of each
/// step, and the legend's keys: the screens and a renderer without a screen read the same.
extension SubscriptionActionFlow {
  public func describe(_ control: Control, step: Step, answers: Answers) -> ControlDescription {
    switch control {
    case .installed:
      return ControlDescription(
        "Installed Items", kind: .table, value: answers.highlighted.map(\.serial) ?? "",
        isRequired: true,
        rule: "one of the \(answers.items.count) installed items of "
          + "\(answers.subscription.number)"
          + (answers.action == .swap
            ? "; a bundle's components are under Installed Items Components"
            : "; a bundle goes with its components, a component alone"))
    case .components:
      return ControlDescription(
        "Installed Items Components", kind: .check, choices: answers.components.map(\.serial),
        value: answers.components.map(\.serial).filter(answers.checked.contains)
          .joined(separator: ", "), isRequired: true,
        rule:
          "check with Space the one component of \(answers.highlighted?.serial ?? "the bundle") "
          + "to swap; the search then retrieves items of its product")
    case .reason:
      return ControlDescription(
        "Reason", kind: .radio, choices: SwapReason.allCases.map(\.title),
        value: answers.chosenReason.title, isRequired: true,
        rule: "a lost or stolen rented item is not stocked back in")
    case .mode:
      guard answers.isBundleItem else {
        return ControlDescription("Swap", kind: .radio, rule: "Not a Fixed Product Bundle item")
      }
      return ControlDescription(
        "Swap", kind: .radio, choices: SwapMode.allCases.map(\.title),
        value: answers.chosenMode.title, isRequired: true,
        rule: "Swap Bundle replaces the whole Fixed Product Bundle, Swap Component one part")
    case .search:
      return ControlDescription(
        SubscriptionActionView.searchLabel(answers), kind: .text, value: answers.search.text,
        rule: "part of a serial, up to \(answers.search.maxLength) characters")
    case .candidates:
      return ControlDescription(
        "New item", kind: .table, value: answers.candidate.map(\.serial) ?? "",
        isRequired: true, rule: SubscriptionActionView.scope(answers))
    case .ownership:
      return ControlDescription(
        "Ownership", kind: .radio, choices: ItemOwnership.allCases.map(\.title),
        value: answers.chosenOwnership.title, isRequired: true,
        rule: "a rented item goes back to a warehouse when removed; a sold one stays with the "
          + "Subscriber's Accounts Receivable")
    case .performedBy:
      return ControlDescription(
        "Performed by", kind: .text, value: answers.performedBy.text, isRequired: true,
        rule: "up to 64 characters; your OS user \(answers.osUser) is recorded too")
    case .performedDate:
      return ControlDescription(
        "Performed date", kind: .text, value: answers.performedOn.text, isRequired: true,
        rule: "YYYY-MM-DD HH:MM, local time, not in the future")
    case .reference:
      return ControlDescription(
        "Transaction reference", kind: .text, value: answers.reference.text,
        rule: "optional, up to 64 letters, digits, spaces and - _ / . # :, unique among actions")
    }
  }

  /// The rows of Installed Items and of New item, as the screen lists them (every column).
  public func rows(of control: Control, step: Step, answers: Answers) -> TableRows<Control>? {
    switch control {
    case .installed:
      return TableRows(
        answers.items.map {
          TableRows.Row(
            value: $0.serial, cells: SubscriptionActionView.itemCells($0, answers.book, wide: true),
            columns: SubscriptionActionView.itemColumns)
        }, chosen: answers.itemCursor, valueName: "serial")
    case .candidates:
      return TableRows(
        answers.candidates.map {
          TableRows.Row(
            value: $0.serial,
            cells: SubscriptionActionView.candidateCells($0, answers.book, wide: true),
            columns: SubscriptionActionView.candidateColumns)
        }, chosen: answers.candidateCursor, valueName: "serial", search: .search)
    default:
      return nil
    }
  }

  /// The legend: ↑↓ move on a table, ← → choose on a one-line radio group.
  public func keyBindings(step: Step, focus: Control?, answers: Answers) -> [KeyBinding] {
    guard let focus else { return [] }
    let widen =
      answers.canWiden && (focus == .search || focus == .candidates)
      ? [KeyBinding("F5", answers.widened ? "same product" : "other models")] : []
    switch describe(focus, step: step, answers: answers).kind {
    case .table: return [.move] + widen
    case .radio: return [KeyBinding("← →", "choose")]
    case .check: return [.move, KeyBinding("Space", "check")]
    default: return widen
    }
  }

  public func help(step: Step) -> String {
    """
    The subscription action modal: the information table on top (whether the action can \
    be scheduled, whether a rate preview is available, its Behaviour Code and Business \
    Classification Code), then the selection, the details and a preview of exactly what \
    will change. Submit runs every validation; each failure is listed by the rule it \
    breaks and nothing is written.
    """ + "\n\n" + step.help
  }
}

extension SubscriptionActionFlow.Step {
  /// What the step asks, for help.
  var help: String {
    switch self {
    case .item:
      return """
        Choose the installed item with ↑ ↓. For a swap, choose the reason (Broken is \
        preselected; a lost or stolen rented item is not stocked back in) and, for a Fixed \
        Product Bundle, Swap Bundle or Swap Component with ← →; for Swap Component, check \
        the component to swap under Installed Items Components with Space, as the seed's \
        procedure says. Removing the bundle removes \
        it with its components; removing a component removes it from the subscription and \
        from the bundle, and the rest of the bundle stays.
        """
    case .newItem:
      return """
        Type part of a serial to search. The search starts on items of the same product, in \
        stock and available under the Active Inventory Management Definition. For an item \
        outside a bundle, F5 widens it to every product, as the item may be exchanged for a \
        different model; the Active Subscription Definition Rules still decide at Preview. \
        Bundles and components only retrieve items of the same product.
        """
    case .details:
      return """
        Performed by defaults to you; your OS user is recorded as well. The performed date \
        is local time and may not be in the future. The transaction reference is optional \
        but must be unique among actions.
        """
    case .preview:
      return """
        Items added and removed, Provisioning Distributors, the Stock Out and Stock In warehouse \
        transactions and where each removed item goes. Confirm submits.
        """
    }
  }
}

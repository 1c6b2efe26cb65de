import StockroomDomain
import TerminalUI

/// What each step of the subscription action modal is: its name, its controls for an
/// action, and why its Next (Submit on the preview) is refused, tied to the control to fix.
extension SubscriptionActionFlow.Step {
  public typealias Control = SubscriptionActionFlow.Control

  /// The step's name in the step indicator.
  public var title: String {
    switch self {
    case .item: return "Item"
    case .newItem: return "New item"
    case .details: return "Details"
    case .preview: return "Preview"
    }
  }

  /// The step's controls in focus order for `action`: a component swap adds the Installed
  /// Items Components check-box list after Swap Component.
  public func controls(for action: SubscriptionAction, answers: SubscriptionActionAnswers)
    -> [Control]
  {
    switch self {
    case .item where action == .swap:
      return [.installed, .reason, .mode] + (answers.isComponentSwap ? [.components] : [])
    case .item: return [.installed]
    case .newItem:
      return action == .add ? [.search, .candidates, .ownership] : [.search, .candidates]
    case .details: return [.performedBy, .performedDate, .reference]
    case .preview: return []
    }
  }

  /// Why Next (Submit on the preview) is refused, tied to the control to fix.
  func refusal(_ answers: SubscriptionActionAnswers) -> WizardRefusal<Control>? {
    switch self {
    case .item:
      guard answers.item == nil else { return nil }
      if answers.isComponentSwap, answers.highlighted != nil {
        let count = answers.checked.count
        return WizardRefusal(
          count == 0
            ? "Installed Items Components: check the component to swap with Space"
            : "Installed Items Components: check one component; \(count) are checked",
          control: .components)
      }
      if answers.items.isEmpty {
        return WizardRefusal("There is no installed item to choose", control: .installed)
      }
      return WizardRefusal("Installed item: choose one with ↑ ↓", control: .installed)
    case .newItem:
      return Self.newItemRefusal(answers)
    case .details:
      if answers.performedBy.text.isEmpty {
        return WizardRefusal("Performed by: give a name", control: .performedBy)
      }
      guard let date = answers.performedDate else {
        return WizardRefusal("Performed date: use YYYY-MM-DD HH:MM", control: .performedDate)
      }
      if date > answers.now {
        return WizardRefusal("Performed date: not in the future", control: .performedDate)
      }
      return nil
    case .preview:
      guard let first = answers.problems.first else { return nil }
      let count = answers.problems.count
      return WizardRefusal(
        "Submit refused: " + TextRules.counted(count, "validation") + " fail, listed above",
        control: first.control)
    }
  }

  private static func newItemRefusal(_ answers: SubscriptionActionAnswers)
    -> WizardRefusal<Control>?
  {
    guard answers.candidate == nil else { return nil }
    if answers.candidateCursor == nil, !answers.candidates.isEmpty {
      let count = answers.candidates.count
      return WizardRefusal(
        "New item: choose one of the \(count) found with ↑ ↓", control: .candidates)
    }
    let control: Control = answers.search.text.isEmpty ? .candidates : .search
    if let product = answers.wantedProduct {
      return WizardRefusal(
        "No \(answers.book.productName(product)) is available; clear the search", control: control)
    }
    return WizardRefusal(
      "No item is available under the Active Inventory Management Definition", control: control)
  }
}

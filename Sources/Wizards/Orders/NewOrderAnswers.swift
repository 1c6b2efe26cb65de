import StockroomDomain
import TerminalUI

/// One choice of a choice field: the value the request gets (nil: none) and its words.
struct OrderOption: Sendable, Equatable {
  var value: String?
  var label: String
}

/// The new-order wizard's answers: the type, the chosen option of each choice field and the
/// text of each text field, with the state the options are drawn from.
public struct NewOrderAnswers: Sendable {
  /// The store as the answers were last checked against: the options come from it, and a
  /// conflict at Confirm refreshes it.
  var state: InventoryState
  var typeIndex = 0
  var choices: [OrderFieldKey: Int] = [:]
  /// Choice fields where nothing is chosen: a restored record named something that is no
  /// longer offered, or nothing where the type needs an answer. ← or → chooses.
  var unchosen: Set<OrderFieldKey> = []
  var texts: [OrderFieldKey: TextField] = [:]
  /// What opening the answers from a record could not keep, in words; shown on the status
  /// line until a control takes a key.
  var notes: [String] = []

  init(state: InventoryState) {
    self.state = state
  }

  var type: OrderType { OrderType.allCases[typeIndex] }

  func text(_ key: OrderFieldKey) -> String {
    (texts[key]?.text ?? Self.initialText(key)).trimmingCharacters(in: " ")
  }

  /// What a text field holds before it is first typed in: one of a quantity.
  static func initialText(_ key: OrderFieldKey) -> String { key == .quantity ? "1" : "" }

  mutating func field(_ key: OrderFieldKey) -> TextField {
    if let field = texts[key] { return field }
    let field = TextField(
      width: 40, maxLength: key == .comment ? TextRules.commentLimit : key == .quantity ? 2 : 40,
      rule: key == .quantity ? .digits : nil, text: Self.initialText(key))
    texts[key] = field
    return field
  }
}

extension String {
  func trimmingCharacters(in set: Character) -> String {
    var text = Substring(self)
    while text.first == set { text.removeFirst() }
    while text.last == set { text.removeLast() }
    return String(text)
  }
}

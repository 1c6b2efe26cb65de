import StockroomDomain
import TerminalUI

/// Fills new-order answers from a record, by name, against the store as it is now: each
/// choice is found among the options the type offers now, each text set as it was. What
/// cannot be kept is left to answer again and said in the answers' notes.
struct NewOrderRestore {
  let flow: NewOrderFlow
  let state: InventoryState

  func answers(_ record: NewOrderFlow.Record) -> NewOrderAnswers {
    var answers = NewOrderAnswers(state: state)
    let type = record.type.flatMap { OrderType(rawValue: $0.lowercased()) }
    answers.typeIndex = type.flatMap { OrderType.allCases.firstIndex(of: $0) } ?? 0
    var notes: [String] = []
    guard type != nil else {
      // The type is still to be chosen: only the comment goes with every type.
      if let comment = record.comment { notes += fill(.comment, comment, &answers) }
      for key in OrderFieldKey.allCases where key != .comment && !record.values(key).isEmpty {
        notes.append("\(key.label) left out: the type is still to be chosen")
      }
      answers.notes = notes
      return answers
    }
    let keys = answers.type.spec.fields
    // In the type's order: a vendor or line before the plans and features it offers.
    for key in keys {
      let given = record.values(key)
      if key.isText {
        if let text = given.first { notes += fill(key, text, &answers) }
      } else {
        notes += choose(key, given, &answers)
      }
    }
    for key in OrderFieldKey.allCases where !keys.contains(key) && !record.values(key).isEmpty {
      notes.append("\(key.label) is not asked for \(answers.type.title); left out")
    }
    answers.notes = notes
    return answers
  }

  /// Sets a text field; says so when the field cannot take the text as it is.
  func fill(_ key: OrderFieldKey, _ text: String, _ answers: inout NewOrderAnswers) -> [String] {
    var field = answers.field(key)
    field.setText(text)
    let safe = TextSafety.neutralised(text)
    if key == .quantity && (field.text != text || !text.allSatisfy { $0.isASCII && $0.isNumber }) {
      field.setText("")
      answers.texts[key] = field
      return ["\(key.label) \(safe) is not a whole number from 1 to 20; type it again"]
    }
    answers.texts[key] = field
    guard field.text != text else { return [] }
    return ["\(key.label) cut to its \(field.maxLength) characters"]
  }

  /// Chooses the option `given` names; with none named, the wizard's default where it is
  /// "(none)" or the acting employee, and otherwise nothing (the field is to be answered).
  func choose(
    _ key: OrderFieldKey, _ given: [String], _ answers: inout NewOrderAnswers
  ) -> [String] {
    let fields = flow.fields(answers)
    let list = fields.options(key, answers)
    let title = answers.type.title
    var notes: [String] = []
    if given.count > 1 {
      notes.append(
        "\(key.label): one at a time in the wizard; "
          + TextSafety.neutralised(given.dropFirst().joined(separator: ", ")) + " left out")
    }
    guard let name = given.first else {
      // "(none)" and "(keep)" come first, as when the wizard opens.
      if key != .employee, !list.isEmpty, fields.index(of: nil, in: list) == nil {
        answers.unchosen.insert(key)
      }
      return notes
    }
    if let index = fields.index(of: name, in: list) {
      answers.choices[key] = index
    } else {
      if !list.isEmpty { answers.unchosen.insert(key) }
      notes.append(
        "\(key.label) \(TextSafety.neutralised(name)) cannot be chosen for \(title) now")
    }
    return notes
  }
}

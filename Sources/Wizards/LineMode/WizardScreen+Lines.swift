import Foundation
import TerminalUI

/// Every wizard in the line mode, whatever its flow: the step's controls asked in focus
/// order from what they say about themselves (`flow.describe`), each answer turned into the
/// keys the control takes (tried on a copy first, so a refused answer changes nothing).
extension WizardScreen: LineWizard {
  private var stepNumber: Int { (flow.steps.firstIndex(of: step) ?? 0) + 1 }
  private var onLastStep: Bool { step == flow.steps.last }
  private var stepControls: [Flow.Control] { flow.controls(step: step, answers: answers) }

  /// "Deallocate RB-1 tokens, step 1 of 3, Select."
  var whereLine: String {
    if isDone { return "\(flow.name), done." }
    return "\(flow.name), step \(stepNumber) of \(flow.steps.count), \(flow.title(of: step))."
  }

  private func describe(_ control: Flow.Control) -> ControlDescription {
    flow.describe(control, step: step, answers: answers)
  }

  /// True on a step with a serial pick list: a line typed at its scan field is a serial.
  private var picksSerials: Bool {
    stepControls.contains { describe($0).kind == .serialPickList }
  }

  public var lineTakesText: Bool {
    guard !isDone, linePreview == nil, let control = focusedControl else { return false }
    return describe(control).takesText
  }

  /// The rows of the focused table, when it offers them.
  private var focusedRows: TableRows<Flow.Control>? {
    guard !isDone, linePreview == nil, let control = focusedControl else { return nil }
    return flow.rows(of: control, step: step, answers: answers)
  }

  public func lineRows(context: AppContext) -> [String]? {
    focusedRows?.rows.map(\.line)
  }

  public var lineEmptyLineIsEnter: Bool {
    isDone || (linePreview == nil && focusedControl == nil && !onLastStep)
  }

  public func lineQuestion(context: AppContext) -> [String] {
    if let result = result(context: context) {
      return result.lines + [enterOnResult(context: context)]
    }
    if let preview = linePreview { return [whereLine] + preview }
    guard let control = focusedControl else {
      guard onLastStep else { return [whereLine, "An empty line goes to the next step."] }
      return [whereLine] + flow.confirmLines(answers: answers, context: context)
        + ["Type confirm to commit it, or :back to change an answer."]
    }
    let described = describe(control)
    var lines = [whereLine, LineQuestion.heading(described)]
    lines += LineQuestion.choices(described)
    if described.scans {
      lines.append(LineQuestion.serialsHint(ranges: picksSerials))
    } else if let table = focusedRows {
      lines.append(
        LineQuestion.rowsHow(
          count: table.rows.count, valueName: table.valueName, searchable: table.search != nil))
    } else {
      lines.append(LineQuestion.how(described.kind))
    }
    return lines
  }

  /// What an empty line does on the result, in words: what the flow's Enter opens there.
  private func enterOnResult(context: AppContext) -> String {
    guard case .committed(let transaction)? = outcome else { return "" }
    switch flow.resultEffect(transaction: transaction, answers: answers, context: context) {
    case .replace, .push: return "An empty line opens the details; :back goes back."
    case .popToHome: return "An empty line goes home."
    default: return "An empty line goes back."
    }
  }

  public func lineStatus(context: AppContext) -> [String] {
    var lines = [whereLine]
    // What is filled in: the earlier steps' answers a line each, then this step's a line each.
    let current = flow.steps.firstIndex(of: step) ?? 0
    for (index, shown) in flow.steps.enumerated() where index <= current {
      let filled = flow.controls(step: shown, answers: answers).compactMap { control -> String? in
        let described = flow.describe(control, step: shown, answers: answers)
        guard described.kind != .button else { return nil }
        return "\(described.label): " + (described.value.isEmpty ? "empty" : described.value)
      }
      if index == current {
        lines += filled
      } else if !filled.isEmpty {
        lines.append(
          "Step \(index + 1), \(flow.title(of: shown)): " + filled.joined(separator: "; "))
      }
    }
    if let status { lines.append(status.text) }
    return lines
  }

  public func lineReply(to answer: LineAnswer, context: AppContext) -> LineReply {
    if case .command(.done, _) = answer { return .keys(keysToButtons) }
    if case .command(.filter, let text) = answer, let control = focusedControl,
      let search = focusedRows?.search
    {
      return filtered(text, by: search, table: control, context: context)
    }
    if case .command(let command, _) = answer {
      // A pick list's command before Search has filled the list: say how to get there.
      if flow is any SerialPickFlow, !isDone, linePick == nil,
        [.list, .pick, .remove, .filter].contains(command)
      {
        return .refused(
          ":\(command.rawValue) works once Search has listed the serials: press Enter at the "
            + "Search prompt (its number first, if asked), then :\(command.rawValue).")
      }
      return .refused(":\(command.rawValue) is not offered here; :help says what is.")
    }
    if isDone {
      return answer == .empty ? .keys([.enter]) : .refused("An empty line opens the details.")
    }
    if linePreview != nil {
      if case .text(let word) = answer, let yes = LineQuestion.yesOrNo(word) {
        return .keys([.character(yes ? "y" : "n")])
      }
      return .refused("Type yes to move them, or no to leave them.")
    }
    guard let control = focusedControl else {
      if onLastStep {
        if case .text(let word) = answer, word.lowercased() == "confirm" { return .keys([.enter]) }
        // An empty line is asked again in a line; the summary is not read out again.
        if answer == .empty { return .lines(["Type confirm to commit it, or :back."]) }
        return .refused("Type confirm to commit it, or :back to change an answer.")
      }
      return answer == .empty ? .keys([.enter]) : .refused("An empty line goes to the next step.")
    }
    let described = describe(control)
    guard case .text(let text) = answer else {
      if described.scans { return .keys(keysToButtons) }
      if described.kind == .button { return .keys([.enter]) }
      return .keys([.tab])
    }
    switch described.kind {
    case .text where described.scans:
      return .keys([.scan(text)])
    case .text, .number:
      return typed(text, into: control, described, context: context)
    case .choice, .radio:
      return chosen(text, in: control, described, context: context)
    case .check:
      return checked(text, control, described, context: context)
    case .table:
      return row(text, in: control, described, context: context)
    case .button:
      return .refused("\(described.label) takes no text: press Enter.")
    case .serialPickList:
      return .keys([.tab])
    }
  }

  public func lineFollowUp(context: AppContext) -> [Key] {
    guard !isDone else { return [] }
    if let control = focusedControl {
      return describe(control).kind == .serialPickList ? keysToButtons : []
    }
    if let refusalShown {
      let named = flow.refusal(step: step, answers: answers)
      guard named?.message == refusalShown else { return [] }
      return keys(toFocus: named?.control ?? stepControls.first)
    }
    return onLastStep ? [] : [.enter]
  }

  // MARK: - Answers as keys

  /// Tabs from the focused control to the buttons.
  private var keysToButtons: [Key] {
    guard let control = focusedControl, let index = stepControls.firstIndex(of: control) else {
      return []
    }
    return Array(repeating: .tab, count: stepControls.count - index)
  }

  /// Tabs from where focus is to `control` (nil: none).
  private func keys(toFocus control: Flow.Control?) -> [Key] {
    let stops = stepControls
    guard let control, let target = stops.firstIndex(of: control) else { return [] }
    let here = focusedControl.flatMap { stops.firstIndex(of: $0) } ?? stops.count
    let count = stops.count + 1
    return Array(repeating: .tab, count: ((target - here) % count + count) % count)
  }

  /// `keys` given to a copy of this screen: what the control would say afterwards.
  private func tried(_ keys: [Key], context: AppContext) -> Self {
    var copy = self
    for key in keys { _ = copy.update(key, context: context) }
    return copy
  }

  private func typed(
    _ text: String, into control: Flow.Control, _ described: ControlDescription,
    context: AppContext
  ) -> LineReply {
    if described.kind == .number, !text.allSatisfy({ $0.isASCII && $0.isNumber }) {
      return .refused(
        "\(described.label) takes a number\(described.rule.map { " (\($0))" } ?? ""); "
          + "type digits only.")
    }
    let keys = [Key.control("u")] + text.map { Key.character($0) }
    let after = tried(keys, context: context)
    guard after.describe(control).value == text else {
      let why = after.status.map(\.text) ?? described.rule ?? "not a value it takes"
      return .refused("\(described.label) does not take that: \(why)")
    }
    return .keys(keys + [.tab])
  }

  private func chosen(
    _ text: String, in control: Flow.Control, _ described: ControlDescription,
    context: AppContext
  ) -> LineReply {
    guard let wanted = LineQuestion.choice(text, in: described.choices) else {
      return .refused(
        "\(LineQuestion.quoted(text)) is not one of the choices: type 1 to \(described.choices.count) or a name."
      )
    }
    // Some radios choose as the arrows move, others when Space is pressed on the option; a
    // choice (‹ value ›) moves with ← and →.
    for choose in [[], [Key.character(" ")]] {
      for key in [Key.down, .up, .right, .left] {
        for count in 0...described.choices.count {
          let keys = Array(repeating: key, count: count) + choose
          if tried(keys, context: context).describe(control).value == wanted {
            return .keys(keys + [.tab])
          }
        }
      }
    }
    return .refused("\(wanted) cannot be chosen now.")
  }

  private func checked(
    _ text: String, _ control: Flow.Control, _ described: ControlDescription,
    context: AppContext
  ) -> LineReply {
    guard let yes = LineQuestion.yesOrNo(text) else { return .refused("Type yes or no.") }
    let now = described.value.lowercased() == "yes"
    return .keys((now == yes ? [] : [.character(" ")]) + [.tab])
  }

  /// A table answered with a row's number or its value: moved to from the top, as ↓ does.
  private func row(
    _ text: String, in control: Flow.Control, _ described: ControlDescription,
    context: AppContext
  ) -> LineReply {
    guard let table = focusedRows else {
      return .refused("\(described.label) takes no text: press Enter.")
    }
    let rows = table.rows
    let number = Int(text).map { $0 - 1 }.flatMap { rows.indices.contains($0) ? $0 : nil }
    guard
      let index = number ?? rows.firstIndex(where: { $0.value.lowercased() == text.lowercased() })
    else {
      return .refused(LineQuestion.notARow(text, count: rows.count, valueName: table.valueName))
    }
    let keys = [Key.home] + Array(repeating: Key.down, count: index)
    guard tried(keys, context: context).focusedRows?.chosen == index else {
      return .refused("\(rows[index].value) cannot be chosen now.")
    }
    return .keys(keys + [.tab])
  }

  /// `:filter TEXT`: the text typed into the table's search field, as on screen, and focus
  /// back on the table.
  private func filtered(
    _ text: String, by search: Flow.Control, table: Flow.Control, context: AppContext
  ) -> LineReply {
    let keys = keys(toFocus: search) + [Key.control("u")] + text.map { Key.character($0) }
    let after = tried(keys, context: context)
    guard after.describe(search).value == text else {
      let described = describe(search)
      return .refused(
        "\(described.label) does not take that"
          + (described.rule.map { ": \($0)" } ?? "") + ".")
    }
    return .keys(keys + after.keys(toFocus: table))
  }
}

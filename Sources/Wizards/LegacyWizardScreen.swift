import Foundation
import TerminalUI

/// Runs a `LegacyWizardFlow` as a screen: the step indicator, focus moving over the
/// step's controls and then its buttons, Next refused with its reason on the
/// status line, Back and Esc keeping every answer, and Confirm handing the
/// commit to the runtime. After the commit the result stays on screen.
public struct LegacyWizardScreen<Flow: LegacyWizardFlow>: Screen {
  public let flow: Flow
  public private(set) var answers: Flow.Answers
  public private(set) var step = 0
  /// The focused control, or `controlCount` for the button row.
  public private(set) var focus = 0
  public private(set) var buttons: ButtonRow
  public private(set) var refusalShown: String?
  public private(set) var outcome: CommitOutcome?
  /// Whether the user's answers were committed (then Esc leaves freely).
  public private(set) var isDone = false
  /// The idempotency key of this wizard's commit: a retry is never applied twice.
  public let commitKey: String

  public init(flow: Flow, answers: Flow.Answers, step: Int = 0) {
    self.flow = flow
    self.answers = answers
    self.step = min(max(0, step), flow.steps.count - 1)
    self.commitKey = UUID().uuidString
    self.buttons = ButtonRow.wizard(lastStep: false)
    self.focus = 0
    refreshButtons(refocus: true)
  }

  public var title: String { flow.name }

  public var position: String {
    if outcome != nil { return isDone ? "Done" : flow.steps[step] }
    return StepIndicator(titles: flow.steps, current: step).text
  }

  public var help: String {
    if isDone { return "The change is committed. Esc goes back." }
    return flow.help(step: step)
  }

  public var hasAnswers: Bool { !isDone && flow.hasAnswers(answers) }

  private var controlCount: Int { flow.controlCount(step: step, answers: answers) }
  private var buttonsFocused: Bool { focus >= controlCount }

  public var isEditingText: Bool {
    !isDone && !buttonsFocused && flow.isTextField(step: step, focus: focus, answers: answers)
  }

  public var keyBindings: [KeyBinding] {
    if isDone { return [KeyBinding("Enter", "details"), .back] }
    let own = flow.keyBindings(
      step: step, focus: buttonsFocused ? nil : focus, answers: answers)
    let enter = isLastStep ? [] : [KeyBinding("Enter", "next")]
    return own + [.nextField, .previousField] + enter + [.back]
  }

  public var status: StatusLine? {
    if let outcome {
      switch outcome {
      case .committed(let id): return StatusLine("Committed as \(id).", kind: .success)
      case .refused(let why), .conflict(let why): return StatusLine(why, kind: .error)
      }
    }
    if let refusalShown { return StatusLine(refusalShown, kind: .error) }
    if let hint = flow.hint(step: step, focus: buttonsFocused ? nil : focus, answers: answers) {
      return hint
    }
    if buttonsFocused, let reason = flow.refusal(step: step, answers: answers) {
      return StatusLine(reason)
    }
    return nil
  }

  private var isLastStep: Bool { step == flow.steps.count - 1 }

  /// Rebuilds the button row for this step: Back disabled on the first
  /// step, Next (or Confirm) disabled with the reason it is refused.
  private mutating func refreshButtons(refocus: Bool) {
    let focused = buttons.focusedIndex
    var row = ButtonRow.wizard(lastStep: isLastStep)
    row.setDisabledReason(step > 0 ? nil : "This is the first step", for: .back)
    let reason = flow.refusal(step: step, answers: answers)
    row.setDisabledReason(reason, for: isLastStep ? .confirm : .next)
    // Focus stays where it was; on entering the row it goes to Next (or
    // Confirm), even when refused, so Enter says why instead of leaving.
    let keep = !refocus && row.buttons.indices.contains(focused)
    row = ButtonRow(buttons: row.buttons, focused: keep ? focused : row.primaryIndex)
    buttons = row
  }

  public mutating func update(_ key: Key, context: AppContext) -> Effect {
    if isDone {
      switch key {
      case .enter:
        if case .committed(let id) = outcome {
          return flow.resultEffect(transactionId: id, answers: answers, context: context)
        }
        return .popToHome
      case .escape: return .pop
      default: return .none
      }
    }
    defer { refreshButtons(refocus: false) }
    if flow.takesKey(key, step: step, answers: answers) {
      _ = flow.update(step: step, focus: focus, key: key, answers: &answers, context: context)
      refusalShown = nil
      outcome = nil
      return .none
    }
    switch key {
    case .tab:
      moveFocus(by: 1)
      return .none
    case .backTab, .control("p"):
      moveFocus(by: -1)
      return .none
    case .escape:
      // A control that is editing (a pick list's filter) takes Esc first.
      if !buttonsFocused && flow.isTextField(step: step, focus: focus, answers: answers),
        flow.update(step: step, focus: focus, key: key, answers: &answers, context: context)
          == .handled
      {
        return .stay
      }
      if step > 0 {
        goBack()
        return .stay
      }
      return .none
    default:
      break
    }
    if buttonsFocused {
      let result = buttons.update(key)
      if result == .activated, let role = buttons.activatedRole {
        return press(role)
      }
      if let refusal = buttons.refusal { refusalShown = refusal }
      return .none
    }
    let result = flow.update(
      step: step, focus: focus, key: key, answers: &answers, context: context)
    refusalShown = nil
    outcome = nil
    switch result {
    case .activated:
      moveFocus(by: 1)
    case .ignored:
      if key == .enter { moveFocus(by: 1) }
    case .handled:
      break
    }
    return .none
  }

  public func takesKey(_ key: Key) -> Bool {
    !isDone && flow.takesKey(key, step: step, answers: answers)
  }

  public mutating func idle(context: AppContext) -> Bool {
    isDone ? false : flow.idle(step: step, answers: &answers)
  }

  public mutating func scanned(_ text: String, context: AppContext) -> Bool {
    guard !isDone else { return false }
    guard flow.scanned(text, step: step, answers: &answers) else { return false }
    refusalShown = nil
    outcome = nil
    refreshButtons(refocus: false)
    return true
  }

  /// Puts focus on control `index` of the current step (e.g. the scan field).
  public mutating func focusControl(_ index: Int) {
    focus = min(max(0, index), controlCount)
    refreshButtons(refocus: true)
  }

  private mutating func press(_ role: ButtonRow.Role) -> Effect {
    switch role {
    case .back:
      goBack()
    case .next, .confirm:
      if let reason = flow.refusal(step: step, answers: answers) {
        refusalShown = reason
        return .none
      }
      if isLastStep {
        return .commit(flow.commit(answers: answers, key: commitKey))
      }
      step += 1
      focus = flow.initialFocus(step: step, answers: answers)
      refusalShown = nil
      refreshButtons(refocus: true)
    case .cancel, .other:
      return .pop
    }
    return .none
  }

  private mutating func goBack() {
    guard step > 0 else { return }
    step -= 1
    focus = flow.initialFocus(step: step, answers: answers)
    refusalShown = nil
    outcome = nil
  }

  private mutating func moveFocus(by delta: Int) {
    let stops = controlCount + 1
    focus = ((focus + delta) % stops + stops) % stops
    if buttonsFocused { refreshButtons(refocus: true) }
  }

  public mutating func committed(_ outcome: CommitOutcome, context: AppContext) {
    self.outcome = outcome
    switch outcome {
    case .committed:
      isDone = true
    case .conflict(let message), .refused(let message):
      // A refusal at Confirm means the state moved since the answers were
      // given (the screens validate everything else first): recover as for
      // a conflict.
      if let back = flow.recover(fromConflict: message, answers: &answers, context: context) {
        step = back
        focus = flow.initialFocus(step: step, answers: answers)
        refreshButtons(refocus: true)
        // The flow's own words (which picks it dropped) say it better.
        if flow.hint(step: step, focus: focus, answers: answers) != nil { self.outcome = nil }
      }
    }
  }

  public func view(into buffer: inout Buffer, in rect: Rect, context: AppContext) {
    Box.draw(
      into: &buffer, rect,
      title: isDone ? "\(flow.name) · Done" : "\(flow.name) · \(flow.steps[step])")
    let inside = rect.inset(by: 1)
    if isDone, let outcome {
      flow.viewResult(outcome, answers: answers, into: &buffer, in: inside, context: context)
      return
    }
    let (body, footer) = inside.splitRows(inside.height - 2)
    flow.view(
      step: step, focus: buttonsFocused ? nil : focus, answers: answers, into: &buffer,
      in: body, context: context)
    var row = footer.row(1)
    row.x += 1
    row.width -= 1
    buttons.render(into: &buffer, in: row, focused: buttonsFocused)
  }

  public func cursor(in rect: Rect) -> Point? {
    guard !isDone, !buttonsFocused else { return nil }
    let inside = rect.inset(by: 1)
    let body = inside.splitRows(inside.height - 2).0
    return flow.cursor(step: step, focus: focus, answers: answers, in: body)
  }
}

import Foundation
import TerminalUI

/// Runs a `WizardFlow` as a screen: the step indicator, focus moving over the
/// step's named controls and then its buttons, Next refused with its reason on
/// the status line, Back and Esc keeping every answer, and Confirm handing the
/// commit to the runtime. After the commit the result stays on screen.
///
/// Every key is handled against the layout of the terminal as it is now
/// (`AppContext.size`), the same layout the frame is drawn with.
public struct WizardScreen<Flow: WizardFlow>: Screen {
  /// Where focus is: one of the step's controls, or the button row.
  public enum Focus: Hashable, Sendable {
    case control(Flow.Control)
    case buttons
  }

  public let flow: Flow
  public internal(set) var answers: Flow.Answers
  public private(set) var step: Flow.Step
  public private(set) var focus: Focus = .buttons
  public private(set) var buttons: ButtonRow
  public private(set) var refusalShown: String?
  public private(set) var outcome: CommitOutcome?
  /// Whether the user's answers were committed (then Esc leaves freely).
  public private(set) var isDone = false
  /// The idempotency key of this wizard's commit: a retry is never applied twice.
  public let commitKey: String

  /// Opens `flow` with `answers` at `place` (default: the first step).
  public init(
    flow: Flow, answers: Flow.Answers, at place: WizardPlace<Flow.Step, Flow.Control>? = nil,
    commitKey: String = UUID().uuidString
  ) {
    self.flow = flow
    self.answers = answers
    let first = flow.steps[0]
    let step = place.map(\.step).flatMap { flow.steps.contains($0) ? $0 : nil } ?? first
    self.step = step
    self.commitKey = commitKey
    self.buttons = ButtonRow.wizard(lastStep: false)
    // Opened without a place, focus starts on the step's first control; at a
    // place without a control, where the flow says the step opens.
    let firstControl = flow.controls(step: step, answers: answers).first
    enter(step, focusing: place == nil ? firstControl : place?.control)
  }

  /// Opens `flow` at the first step that still needs an answer.
  public static func atFirstUnanswered(flow: Flow, answers: Flow.Answers) -> Self {
    WizardScreen(
      flow: flow, answers: answers,
      at: flow.firstUnanswered(answers: answers).map {
        WizardPlace($0)
      })
  }

  public var title: String { flow.name }

  /// Where the user is: the step and the focused control.
  public var place: WizardPlace<Flow.Step, Flow.Control> {
    WizardPlace(step, focusedControl)
  }

  public var focusedControl: Flow.Control? {
    if case .control(let control) = focus { return control }
    return nil
  }

  private var stepIndex: Int { flow.steps.firstIndex(of: step) ?? 0 }
  private var isLastStep: Bool { step == flow.steps.last }
  private var isFirstStep: Bool { step == flow.steps.first }

  public var position: String {
    if isDone { return "Done" }
    return StepIndicator(titles: flow.steps.map(flow.title(of:)), current: stepIndex).text
  }

  /// The step's help, then a line for each of its controls from their descriptions.
  public var help: String {
    if isDone { return "The change is committed. Esc goes back." }
    let lines = flow.controls(step: step, answers: answers).map {
      flow.describe($0, step: step, answers: answers).helpLine
    }
    return lines.isEmpty
      ? flow.help(step: step) : flow.help(step: step) + "\n\n" + lines.joined(separator: "\n")
  }

  public var hasAnswers: Bool { !isDone && flow.hasAnswers(answers) }

  public var isEditingText: Bool {
    guard !isDone, let control = focusedControl else { return false }
    return flow.isEditingText(control, step: step, answers: answers)
  }

  public var keyBindings: [KeyBinding] {
    if isDone { return [KeyBinding("Enter", "details"), .back] }
    let own = flow.keyBindings(step: step, focus: focusedControl, answers: answers)
    let enter = isLastStep ? [] : [KeyBinding("Enter", "next")]
    return own + [.nextField, .previousField] + enter + [.back]
  }

  public var status: StatusLine? {
    if let outcome {
      switch outcome {
      case .committed(let transaction):
        return StatusLine("Committed as \(transaction.transactionId).", kind: .success)
      case .refused(let why), .conflict(let why): return StatusLine(why, kind: .error)
      }
    }
    if let refusalShown { return StatusLine(refusalShown, kind: .error) }
    if let hint = flow.hint(step: step, focus: focusedControl, answers: answers) {
      return hint
    }
    if focus == .buttons, let refusal = flow.refusal(step: step, answers: answers) {
      return StatusLine(refusal.message)
    }
    return nil
  }

  // MARK: - Layout

  /// The step's own rectangle inside the screen's: inside the frame, above the buttons.
  static func stepRect(in rect: Rect) -> Rect {
    let inside = rect.inset(by: 1)
    return inside.splitRows(inside.height - 2).0
  }

  /// The button row's rectangle inside the screen's.
  static func buttonRect(in rect: Rect) -> Rect {
    let inside = rect.inset(by: 1)
    var row = inside.splitRows(inside.height - 2).1.row(1)
    row.x += 1
    row.width -= 1
    return row
  }

  /// The step's layout for a terminal of `size`: what keys are handled against.
  public func layout(for size: Size) -> StepLayout<Flow.Control> {
    flow.layout(
      step: step, answers: answers, in: Self.stepRect(in: App.bodyRect(for: size)))
  }

  // MARK: - Keys

  public mutating func update(_ key: Key, context: AppContext) -> Effect {
    let effect = handle(key, context: context)
    if let request = flow.takeFileRequest(step: step, answers: &answers) {
      return .readFile(request)
    }
    return effect
  }

  public mutating func fileRead(_ read: FileRead, context: AppContext) {
    guard !isDone else { return }
    flow.fileRead(read, step: step, answers: &answers, context: context)
    refreshButtons(refocus: false)
  }

  private mutating func handle(_ key: Key, context: AppContext) -> Effect {
    if isDone {
      switch key {
      case .enter:
        if case .committed(let transaction) = outcome {
          return flow.resultEffect(transaction: transaction, answers: answers, context: context)
        }
        return .popToHome
      case .escape: return .pop
      default: return .none
      }
    }
    defer { refreshButtons(refocus: false) }
    let layout = layout(for: context.size)
    if flow.takesKey(key, step: step, answers: answers) {
      _ = flow.update(
        key, control: focusedControl ?? firstControl ?? fallbackControl(layout), step: step,
        answers: &answers, layout: layout, context: context)
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
    case .mouse(let mouse):
      return click(mouse, key: key, layout: layout, context: context)
    case .escape:
      // A control that is editing (a pick list's filter) takes Esc first.
      if let control = focusedControl,
        flow.isEditingText(control, step: step, answers: answers),
        flow.update(
          key, control: control, step: step, answers: &answers, layout: layout, context: context)
          == .handled
      {
        return .stay
      }
      if !isFirstStep {
        goBack()
        return .stay
      }
      return .none
    default:
      break
    }
    guard let control = focusedControl else {
      let result = buttons.update(key)
      if result == .activated, let role = buttons.activatedRole {
        return press(role)
      }
      if let refusal = buttons.refusal { refusalShown = refusal }
      return .none
    }
    let result = flow.update(
      key, control: control, step: step, answers: &answers, layout: layout, context: context)
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

  /// A click focuses the control under it and hands it the click (a row of a
  /// list is then selected); a click on the buttons presses the one under it.
  private mutating func click(
    _ mouse: Mouse, key: Key, layout: StepLayout<Flow.Control>, context: AppContext
  ) -> Effect {
    guard mouse.action == .press || mouse.action == .wheelUp || mouse.action == .wheelDown
    else { return .none }
    if let control = layout.control(at: mouse.position) {
      if focus != .control(control) {
        focus = .control(control)
      }
      _ = flow.update(
        key, control: control, step: step, answers: &answers, layout: layout, context: context)
      refusalShown = nil
      outcome = nil
      return .none
    }
    let row = Self.buttonRect(in: App.bodyRect(for: context.size))
    guard mouse.action == .press, row.contains(mouse.position),
      let index = buttons.frames(in: row).firstIndex(where: { $0.contains(mouse.position) })
    else { return .none }
    focus = .buttons
    buttons = ButtonRow(buttons: buttons.buttons, focused: index)
    let result = buttons.update(.enter)
    if result == .activated, let role = buttons.activatedRole { return press(role) }
    if let refusal = buttons.refusal { refusalShown = refusal }
    return .none
  }

  public func takesKey(_ key: Key) -> Bool {
    !isDone && flow.takesKey(key, step: step, answers: answers)
  }

  public mutating func takeBells() -> Int {
    flow.takeBells(answers: &answers)
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

  /// Puts focus on `control` of the current step (e.g. the scan field).
  public mutating func focus(_ control: Flow.Control) {
    guard controls.contains(control) else { return }
    focus = .control(control)
  }

  private var controls: [Flow.Control] { flow.controls(step: step, answers: answers) }
  private var firstControl: Flow.Control? { controls.first }

  /// Only for a key a flow takes whatever has focus, on a step without controls.
  private func fallbackControl(_ layout: StepLayout<Flow.Control>) -> Flow.Control {
    if let first = layout.frames.first?.control { return first }
    preconditionFailure("\(flow.name): a step that takes keys has no control")
  }

  private mutating func press(_ role: ButtonRow.Role) -> Effect {
    switch role {
    case .back:
      goBack()
    case .next, .confirm:
      if let refusal = flow.refusal(step: step, answers: answers) {
        refusalShown = refusal.message
        return .none
      }
      if isLastStep {
        return .commit(flow.commit(answers: answers, key: commitKey))
      }
      enter(flow.steps[stepIndex + 1], focusing: nil)
    case .cancel, .other:
      return .pop
    }
    return .none
  }

  /// Opens `step` with focus on `control`, or where the flow says a step opens.
  private mutating func enter(_ step: Flow.Step, focusing control: Flow.Control?) {
    self.step = step
    refusalShown = nil
    let controls = self.controls
    let wanted = control ?? flow.initialFocus(step: step, answers: answers) ?? controls.first
    if let wanted, controls.contains(wanted) {
      focus = .control(wanted)
    } else {
      focus = .buttons
    }
    refreshButtons(refocus: true)
  }

  private mutating func goBack() {
    guard !isFirstStep else { return }
    enter(flow.steps[stepIndex - 1], focusing: nil)
    outcome = nil
  }

  private mutating func moveFocus(by delta: Int) {
    let stops = controls.map(Focus.control) + [.buttons]
    let here = stops.firstIndex(of: focus) ?? stops.count - 1
    focus = stops[((here + delta) % stops.count + stops.count) % stops.count]
    if focus == .buttons { refreshButtons(refocus: true) }
  }

  /// Rebuilds the button row for this step: Back disabled on the first
  /// step, Next (or Confirm) disabled with the reason it is refused.
  private mutating func refreshButtons(refocus: Bool) {
    let focused = buttons.focusedIndex
    var row = ButtonRow.wizard(lastStep: isLastStep)
    row.setDisabledReason(isFirstStep ? "This is the first step" : nil, for: .back)
    let reason = flow.refusal(step: step, answers: answers)?.message
    row.setDisabledReason(reason, for: isLastStep ? .confirm : .next)
    // Focus stays where it was; on entering the row it goes to Next (or
    // Confirm), even when refused, so Enter says why instead of leaving.
    let keep = !refocus && row.buttons.indices.contains(focused)
    buttons = ButtonRow(buttons: row.buttons, focused: keep ? focused : row.primaryIndex)
  }

  public mutating func committed(_ outcome: CommitOutcome, context: AppContext) {
    self.outcome = outcome
    switch outcome {
    case .committed:
      isDone = true
    case .conflict, .refused:
      // The state moved since the answers were given, or a rule refused
      // them: the flow repairs what it can and says where to go.
      if let place = flow.recover(from: outcome, answers: &answers, context: context) {
        enter(place.step, focusing: place.control)
        // The flow's own words (which picks it dropped) say it better.
        if flow.hint(step: step, focus: focusedControl, answers: answers) != nil {
          self.outcome = nil
        }
      }
    }
  }

  // MARK: - Drawing

  public func view(into buffer: inout Buffer, in rect: Rect, context: AppContext) {
    Box.draw(
      into: &buffer, rect,
      title: isDone ? "\(flow.name) · Done" : "\(flow.name) · \(flow.title(of: step))")
    if let result = result(context: context) {
      result.draw(into: &buffer, in: rect.inset(by: 1))
      return
    }
    let layout = flow.layout(step: step, answers: answers, in: Self.stepRect(in: rect))
    flow.view(
      step: step, focus: focusedControl, answers: answers, layout: layout, into: &buffer,
      context: context)
    buttons.render(into: &buffer, in: Self.buttonRect(in: rect), focused: focus == .buttons)
  }

  /// The result once Confirm has committed the change; nil before.
  func result(context: AppContext) -> (any WizardResult)? {
    guard isDone, case .committed(let transaction)? = outcome else { return nil }
    return flow.result(transaction, answers: answers, context: context)
  }

  public func cursor(in rect: Rect) -> Point? {
    guard !isDone, let control = focusedControl else { return nil }
    let layout = flow.layout(step: step, answers: answers, in: Self.stepRect(in: rect))
    return flow.cursor(control, step: step, answers: answers, layout: layout)
  }
}

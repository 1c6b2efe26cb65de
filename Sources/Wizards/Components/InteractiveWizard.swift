/// How a headless twin's `--interactive` opens its wizard: at the first step
/// that still needs an answer, with focus where that step opens on purpose
/// (the scan field of a filled pick list), else on the control whose answer
/// is still needed.
enum InteractiveWizard {
  static func screen<Flow: WizardFlow>(flow: Flow, answers: Flow.Answers) -> WizardScreen<Flow> {
    var screen = WizardScreen.atFirstUnanswered(flow: flow, answers: answers)
    let step = screen.step
    if let control = flow.initialFocus(step: step, answers: answers)
      ?? flow.refusal(step: step, answers: answers)?.control
    {
      screen.focus(control)
    }
    return screen
  }
}

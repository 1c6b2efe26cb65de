/// How a headless twin's `--interactive` opens its wizard: at the first step
/// that still needs an answer, with focus on the control that needs it (unless
/// the step opens elsewhere on purpose, e.g. the scan field of a pick list).
enum InteractiveWizard {
  static func screen<Flow: WizardFlow>(flow: Flow, answers: Flow.Answers) -> WizardScreen<Flow> {
    var screen = WizardScreen.atFirstUnanswered(flow: flow, answers: answers)
    if flow.initialFocus(step: screen.step, answers: answers) == nil,
      let control = flow.refusal(step: screen.step, answers: answers)?.control
    {
      screen.focus(control)
    }
    return screen
  }
}

import StockroomDomain
import TerminalUI

/// The receiving wizard's words around the controls: each step's help, the
/// legend's keys, and the status line's hint (what a scan or paste did).
extension ReceiveFlow {
  public func help(step current: Step) -> String {
    switch current {
    case .stock:
      return """
        What arrives: a hardware model, or software tokens or capacity (←→ choose). Owned \
        stock was bought and may be sold or rented; leased stock may only be rented. \
        Container: where it is placed. Needs a token-side PIN: for RB-1 tokens issued with \
        PINs (Space). Reference and Comment are optional (e.g. a delivery note number).
        """
    case .items:
      return """
        Hardware: scan or type each serial and press Enter; paste a list (one a line, or \
        separated by commas or spaces); or press Ctrl-O to load a manifest file (one serial \
        a line, or a CSV column by name or number). A preview counts the new serials and \
        names the refused ones (listed twice, or already in the inventory) before anything \
        is added; Enter adds the new ones. Delete takes the highlighted serial off the list; \
        Ctrl-Z undoes the last addition. Software: the quantity received.
        """
    case .confirm:
      return """
        Confirm shows exactly what will change; `stockroom receive` prints the same lines. \
        Nothing is written until you press Confirm; the receipt is one transaction with its \
        own Transaction ID.
        """
    }
  }

  public func keyBindings(step: Step, focus: Control?, answers: ReceiveAnswers) -> [KeyBinding] {
    if step == .confirm { return [KeyBinding("Enter", "confirm")] }
    let serials = answers.serials
    let file = serials.filesAllowed ? [KeyBinding("^O", "manifest")] : []
    if step == .items && isHardware(answers) {
      if serials.preview != nil {
        return [KeyBinding("Enter", "add"), KeyBinding("Esc", "cancel")]
      }
      if serials.filePrompt != nil {
        return [KeyBinding("Enter", "preview"), KeyBinding("Esc", "cancel")]
      }
    }
    switch focus {
    case .item?, .field(.container)?: return [KeyBinding("←→", "choose")]
    case .ownership?: return [KeyBinding("↑↓", "choose")]
    case .needsPIN?: return [KeyBinding("Space", "needs PIN or not")]
    case .serials(.scan)?:
      return [KeyBinding("Enter", "add serial"), KeyBinding("^Z", "undo")] + file
    case .serials(.list)?:
      return [.move, KeyBinding("Del", "take off"), KeyBinding("^Z", "undo")] + file
    default: return []
    }
  }

  public func hint(step current: Step, focus: Control?, answers: ReceiveAnswers) -> StatusLine? {
    switch current {
    case .stock:
      return answers.fields.textRefusal(focused: ReceiveFlow.focusedField(focus)).map {
        StatusLine($0, kind: .error)
      } ?? answers.restoreNotice
    case .items where isHardware(answers): return answers.serials.notice ?? answers.restoreNotice
    default: return answers.restoreNotice
    }
  }
}

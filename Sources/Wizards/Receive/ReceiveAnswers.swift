import StockroomDomain
import TerminalUI

/// Everything the user has answered in the receiving wizard. Back and Esc keep all of it.
public struct ReceiveAnswers {
  public internal(set) var item: ChoiceField
  /// False while what arrives is still to be chosen (a record that named no
  /// model or product); any key on the field chooses the one shown.
  public internal(set) var itemChosen = true
  public internal(set) var ownership = RadioGroup(
    options: [
      RadioGroup.Option("Owned", hint: "bought: may be sold or rented"),
      RadioGroup.Option("Leased", hint: "may only be rented"),
    ], selected: 0)
  public internal(set) var needsPIN = false
  public internal(set) var fields: ReferenceFields
  public internal(set) var serials = ReceiveSerials()
  public internal(set) var quantity = NumberField(range: 1...1_000_000, width: 10)
  /// What could not be kept when the wizard was opened from a record (serials
  /// taken meanwhile); on the status line until a key reaches a control.
  public internal(set) var restoreNotice: StatusLine?
  /// Model names, by index, as they were when the wizard opened.
  public let modelNames: [String]

  init(titles: [String], state: InventoryState) {
    item = ChoiceField(options: titles, selected: 0, width: 30)
    fields = ReferenceFields(state: state)
    modelNames = state.models
  }
}

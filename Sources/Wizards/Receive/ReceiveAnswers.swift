import StockroomDomain
import TerminalUI

/// Everything the user has answered in the receiving wizard. Back and Esc keep all of it.
public struct ReceiveAnswers {
  public internal(set) var item: ChoiceField
  public internal(set) var ownership = RadioGroup(
    options: [
      RadioGroup.Option("Owned", hint: "bought: may be sold or rented"),
      RadioGroup.Option("Leased", hint: "may only be rented"),
    ], selected: 0)
  public internal(set) var needsPIN = false
  public internal(set) var fields: ReferenceFields
  public internal(set) var serials = ReceiveSerials()
  public internal(set) var quantity = NumberField(range: 1...1_000_000, width: 10)
  /// Model names, by index, as they were when the wizard opened.
  public let modelNames: [String]

  init(titles: [String], state: InventoryState) {
    item = ChoiceField(options: titles, selected: 0, width: 30)
    fields = ReferenceFields(state: state)
    modelNames = state.models
  }
}

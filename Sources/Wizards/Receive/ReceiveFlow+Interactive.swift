import TerminalUI

/// `stockroom receive --interactive`: the wizard opened from a record built
/// from the command's options, at the first step that still needs an answer.
extension ReceiveFlow {
  /// The Inventory screen and the wizard above it, as if opened from there.
  public static func interactiveScreens(
    _ record: ReceiveRecord, context: AppContext
  ) -> [any Screen] {
    guard case .success(let restored) = restore(record, context: context) else {
      return [InventoryScreen(context: context)]
    }
    return [
      InventoryScreen(context: context),
      InteractiveWizard.screen(flow: restored.flow, answers: restored.answers),
    ]
  }
}

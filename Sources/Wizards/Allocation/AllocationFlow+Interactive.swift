import TerminalUI

/// `stockroom allocate --interactive`: the wizard opened from a record built
/// from the command's options, at the first step that still needs an answer.
extension AllocationFlow {
  /// The account's allocation table and the wizard above it; the account
  /// chooser when the record names no account, or one that does not exist.
  public static func interactiveScreens(
    _ record: AllocationRecord, context: AppContext
  ) -> [any Screen] {
    guard case .success(let restored) = restore(record, context: context) else {
      return [AccountsScreen(context: context, purpose: .allocate)]
    }
    return [
      AllocationScreen(account: restored.flow.account, context: context),
      InteractiveWizard.screen(flow: restored.flow, answers: restored.answers),
    ]
  }
}

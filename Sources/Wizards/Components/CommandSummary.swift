import StockroomDomain

/// What a command will change, in words, as the Confirm step draws it and the headless twin
/// prints it: one type per family of commands, so what the user consents to is the same
/// everywhere. `CommandRun` (the twins' consent contract) works with any of them.
public protocol CommandSummary: Sendable {
  /// The summary of `command` on `state`, committed with `context`.
  init(command: Command, context: TransactionContext, state: InventoryState)
  /// The summary as lines of at most `width` cells.
  func lines(width: Int) -> [String]
}

extension DeallocationSummary: CommandSummary {}

extension ApprovalPolicyScreen: LineReadable {
  /// The policy's lines as `stockroom approvals` prints them.
  public func lines(context: AppContext) -> ScreenLines {
    ScreenLines(
      summary: ["The approval policy in force."]
        + context.state.orders.policyLines().map(RowLine.plain))
  }

  public mutating func openRow(_ index: Int, context: AppContext) -> Effect { .none }
}

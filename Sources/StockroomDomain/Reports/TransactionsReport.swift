/// Report 1 (issue 18): every transaction matching the filter, with its Reference,
/// Container, Comment, return reason and who committed it. With an account, only that
/// account's transactions are read, through the store's index.
public enum TransactionsReport {
  public static let columns: [ReportTable.Column] = [
    .init("transactionId", "Transaction"), .init("time", "Time (UTC)"),
    .init("action", "Action"), .init("account", "Account"), .init("user", "User"),
    .init("performedBy", "Performed by"), .init("reference", "Reference"),
    .init("container", "Container"), .init("comment", "Comment"),
    .init("returnReason", "Reason"), .init("moved", "Moved"),
    .init("quantity", "Quantity", number: true),
  ]

  /// One transaction's cells, in `columns` order.
  static func row(_ transaction: Transaction) -> [ReportTable.Value] {
    var containers: [String] = []
    for code in transaction.items.compactMap(\.container) where !containers.contains(code) {
      containers.append(code)
    }
    let quantity = transaction.items.reduce(0) { $0 + ($1.serials?.count ?? $1.quantity ?? 0) }
    return [
      .text(transaction.transactionId), .text(transaction.time),
      .text(transaction.action.rawValue), optional(transaction.account),
      .text(transaction.user), optional(transaction.performedBy),
      .text(transaction.reference), optional(containers.joined(separator: " ")),
      .text(transaction.comment), optional(transaction.returnReason?.rawValue),
      .text(transaction.summary), .number(quantity),
    ]
  }

  static func optional(_ text: String?) -> ReportTable.Value {
    guard let text, !text.isEmpty else { return .none }
    return .text(text)
  }
}

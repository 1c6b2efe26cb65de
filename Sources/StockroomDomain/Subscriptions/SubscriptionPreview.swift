/// Exactly what a subscription action will change, in words: shared by the modal's preview
/// area and the headless twins' summary, so both say the same.
public enum SubscriptionPreview {
  /// One line per thing that changes; the reason and the mode share a line unless
  /// `factPerLine` (as the line mode reads them).
  public static func lines(
    _ change: SubscriptionChange, action: ActionCode, book: SubscriptionBook,
    factPerLine: Bool = false
  ) -> [String] {
    var lines: [String] = []
    let number = change.subscription ?? "-"
    lines.append("\(action.title) on \(number)")
    var how: [String] = []
    if let reason = change.reason { how.append("Reason: \(reason.title)") }
    if let mode = change.mode { how.append("Mode: \(mode.title)") }
    if !how.isEmpty { lines += factPerLine ? how : [how.joined(separator: " · ")] }
    lines += describe(change.added, verb: "Add", book: book)
    let removed = Set(change.removed)
    if let subscription = change.subscription.flatMap({ book.subscription($0) }) {
      let items = subscription.itemsInOrder.filter { removed.contains($0.serial) }
      lines += describe(items, verb: "Remove", book: book)
    }
    if !change.distributorsAdded.isEmpty {
      lines.append(
        "Provisioning Distributors added: " + change.distributorsAdded.joined(separator: ", "))
    }
    if !change.distributorsRemoved.isEmpty {
      lines.append(
        "Provisioning Distributors removed: " + change.distributorsRemoved.joined(separator: ", ")
          + " (no other service or item on them)")
    }
    for move in change.stockOut {
      lines.append("Stock Out from \(warehouse(move.warehouse, book)): " + serials(move.items))
    }
    for move in change.stockIn {
      lines.append(
        "Stock In to \(warehouse(move.warehouse, book)): " + serials(move.items)
          + " (back in the warehouse)")
    }
    if !change.toCustomer.isEmpty {
      let owner = change.subscription.flatMap { book.subscription($0)?.receivable } ?? "-"
      lines.append(
        "Stays with the Subscriber's Accounts Receivable \(owner) (sold): "
          + serials(change.toCustomer))
    }
    if !change.written.isEmpty {
      lines.append(
        "Not stocked back in (\(change.reason?.rawValue ?? "lost")): " + serials(change.written))
    }
    return lines
  }

  /// Items in words, a bundle with its components on one line.
  static func describe(_ items: [InstalledItem], verb: String, book: SubscriptionBook)
    -> [String]
  {
    let serials = Set(items.map(\.serial))
    return items.compactMap { item in
      if let bundle = item.bundle, serials.contains(bundle) { return nil }
      var text =
        "\(verb) \(item.serial) \(book.productName(item.product)) (\(item.ownership.rawValue))"
      if let bundle = item.bundle {
        text =
          "\(verb) component \(item.serial) of \(bundle), " + book.productName(item.product)
          + " (\(item.ownership.rawValue))"
      }
      let parts = items.filter { $0.bundle == item.serial }.map(\.serial)
      if !parts.isEmpty { text += " with " + parts.joined(separator: ", ") }
      return text
    }
  }

  /// "WH-CENTRAL Central Warehouse".
  public static func warehouse(_ code: String, _ book: SubscriptionBook) -> String {
    book.warehouse(code).map { "\($0.code) \($0.name)" } ?? code
  }

  static func serials(_ items: [StockItem]) -> String {
    items.map(\.serial).joined(separator: ", ")
  }
}

/// What a report is narrowed to (issue 18): a date range (UTC days, inclusive), account,
/// user, action, product or model, return reason and Reference text. Every field is optional;
/// an empty filter matches the whole ledger.
public struct ReportFilter: Hashable, Sendable {
  /// `YYYY-MM-DD`, inclusive, UTC.
  public var from: ReportDay?
  /// `YYYY-MM-DD`, inclusive, UTC.
  public var to: ReportDay?
  /// An account code, as `Transaction.account` records it.
  public var account: String?
  /// An OS user name, as `Transaction.user` records it.
  public var user: String?
  public var action: ActionCode?
  /// A product (`sms`, `capacity`, …) or a hardware model name, any case.
  public var product: String?
  public var returnReason: ReturnReason?
  /// Text the Reference contains, any case.
  public var reference: String?

  public init(
    from: ReportDay? = nil, to: ReportDay? = nil, account: String? = nil, user: String? = nil,
    action: ActionCode? = nil, product: String? = nil, returnReason: ReturnReason? = nil,
    reference: String? = nil
  ) {
    self.from = from
    self.to = to
    self.account = account
    self.user = user
    self.action = action
    self.product = product
    self.returnReason = returnReason
    self.reference = reference
  }

  /// True when the transaction's time falls in the range.
  public func inPeriod(_ time: String) -> Bool {
    let day = time.prefix(10)
    if let from, day < from.text { return false }
    if let to, day > to.text { return false }
    return true
  }

  /// True when the transaction's time is after the range (a report reading in ledger order
  /// can stop there).
  public func isAfterPeriod(_ time: String) -> Bool {
    guard let to else { return false }
    return time.prefix(10) > to.text
  }

  /// True when every given field matches the transaction.
  public func matches(_ transaction: Transaction) -> Bool {
    guard inPeriod(transaction.time) else { return false }
    if let account, transaction.account?.uppercased() != account.uppercased() { return false }
    if let user, transaction.user != user { return false }
    if let action, transaction.action != action { return false }
    if let returnReason, transaction.returnReason != returnReason { return false }
    if let reference, !reference.isEmpty,
      !transaction.reference.lowercased().contains(reference.lowercased())
    {
      return false
    }
    if let product, !transaction.items.contains(where: { Self.names(product, $0) }) {
      return false
    }
    return true
  }

  /// True when `product` names the item's product or, for hardware, its model.
  static func names(_ product: String, _ item: TransactionItem) -> Bool {
    let wanted = product.lowercased()
    if item.product.rawValue == wanted { return true }
    return item.product == .hardware && item.model?.lowercased() == wanted
  }
}

/// A UTC calendar day as the reports take it: `YYYY-MM-DD`, checked to be a real date.
public struct ReportDay: Hashable, Sendable, Comparable {
  /// `YYYY-MM-DD`.
  public let text: String

  /// Nil unless `text` is `YYYY-MM-DD` and a day of the calendar.
  public init?(_ text: String) {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
      let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
      (1...12).contains(month), day >= 1
    else { return nil }
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    guard day <= lengths[month - 1] else { return nil }
    self.text = text
  }

  public static func < (lhs: ReportDay, rhs: ReportDay) -> Bool { lhs.text < rhs.text }
}

/// The billing references an allocation carries (issue 6): an amount per unit
/// or per transaction, what triggers billing, and the customer's reference.
/// The amount is decimal text, never a floating-point number, so 0.10 stays
/// exactly 0.10 on every report.
public struct Billing: Hashable, Sendable, Codable {
  /// Whether the amount is charged per unit or once for the transaction.
  public enum Basis: String, CaseIterable, Hashable, Sendable, Codable {
    case unit
    case transaction

    public var title: String { self == .unit ? "per unit" : "per transaction" }
  }

  /// A non-negative decimal with at most four places, e.g. "12.50".
  public var amount: String
  public var per: Basis
  /// What starts billing, e.g. "on allocation".
  public var trigger: String
  /// The customer's own reference (a purchase order), up to 64 characters.
  public var customerReference: String

  public init(amount: String, per: Basis, trigger: String = "", customerReference: String = "") {
    self.amount = amount
    self.per = per
    self.trigger = trigger
    self.customerReference = customerReference
  }

  /// The billing triggers offered on screen and accepted by `--billing-trigger`.
  public static let triggers = ["on allocation", "on activation", "monthly", "annually"]

  /// `text` as a normalized decimal amount ("012.5" → "12.5"), or nil when it
  /// is not a non-negative decimal with at most 12 integer digits and 4 places.
  public static func amount(_ text: String) -> String? {
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count <= 2, let whole = parts.first else { return nil }
    let fraction = parts.count == 2 ? parts[1] : ""
    guard !(whole.isEmpty && fraction.isEmpty), whole.count <= 12, fraction.count <= 4,
      (whole + fraction).allSatisfy({ $0.isASCII && $0.isNumber }),
      parts.count == 1 || !fraction.isEmpty
    else { return nil }
    var integer = String(whole.drop { $0 == "0" })
    if integer.isEmpty { integer = "0" }
    return fraction.isEmpty ? integer : integer + "." + fraction
  }

  /// Checks the amount, trigger and customer reference.
  public func validated() throws(DomainError) -> Billing {
    guard let normalized = Billing.amount(amount) else {
      throw .invalidText(
        field: .amount, reason: "not a decimal amount: \(TextRules.neutralised(amount))")
    }
    if !trigger.isEmpty && !Billing.triggers.contains(trigger) {
      throw .invalidText(
        field: .billingTrigger, reason: "one of " + Billing.triggers.joined(separator: ", "))
    }
    try TextRules.checkReference(customerReference, as: .customerReference)
    var copy = self
    copy.amount = normalized
    return copy
  }
}

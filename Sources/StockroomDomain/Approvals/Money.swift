/// An exact amount of money for prices and approval minimums: billing's decimal text
/// (`Billing.amount`) held as ten-thousandths, so sums and comparisons never round.
public struct Money: Sendable, Hashable, Comparable {
  /// The amount in ten-thousandths (4 decimal places, as billing amounts have at most).
  public var tenThousandths: Int

  public init(tenThousandths: Int) { self.tenThousandths = tenThousandths }

  public static let zero = Money(tenThousandths: 0)

  /// Reads decimal text as billing amounts are written; nil when it is not one.
  public init?(_ text: String) {
    guard let normalized = Billing.amount(text) else { return nil }
    let parts = normalized.split(separator: ".")
    let fraction = parts.count == 2 ? String(parts[1]) : ""
    guard let whole = Int(parts[0]),
      let places = Int(fraction.padding(toLength: 4, withPad: "0", startingAt: 0))
    else { return nil }
    tenThousandths = whole * 10_000 + places
  }

  /// Decimal text with two places at least (`799.00`, `12.3456`).
  public var text: String {
    let sign = tenThousandths < 0 ? "-" : ""
    let magnitude = abs(tenThousandths)
    var fraction = String(magnitude % 10_000)
    fraction = String(repeating: "0", count: 4 - fraction.count) + fraction
    while fraction.count > 2 && fraction.hasSuffix("0") { fraction.removeLast() }
    return "\(sign)\(magnitude / 10_000).\(fraction)"
  }

  public static func < (left: Money, right: Money) -> Bool {
    left.tenThousandths < right.tenThousandths
  }

  public static func + (left: Money, right: Money) -> Money {
    Money(tenThousandths: left.tenThousandths + right.tenThousandths)
  }

  public static func - (left: Money, right: Money) -> Money {
    Money(tenThousandths: left.tenThousandths - right.tenThousandths)
  }

  public static func * (left: Money, count: Int) -> Money {
    Money(tenThousandths: left.tenThousandths * count)
  }
}

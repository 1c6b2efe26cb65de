/// The seed's rules for orders, and the date arithmetic they need (pure, no Foundation).
public enum OrderRules {
  /// The seed's warranty text, shown before a warranty replacement is submitted.
  public static let warrantyWarning =
    "Vendor warranties expire after the first year of ownership and do not cover any "
    + "physical/liquid damage or issues because of the battery. All warranty replacements are "
    + "subject to the vendor's discretion, and if returned under false pretenses, can cause a "
    + "full device cost chargeback to your company's account. Use the Upgrade option if the "
    + "device doesn't meet any of the above requirements."

  /// How long after a disconnect a line may be restored when the vendor does not allow more.
  public static let restoreDays = 30

  /// Days since 1970-01-01 of an ISO 8601 date or time (`YYYY-MM-DD…`), nil when malformed.
  public static func day(_ text: String) -> Int? {
    let parts = text.prefix(10).split(separator: "-")
    guard parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]),
      let day = Int(parts[2]), (1...12).contains(month), (1...31).contains(day)
    else { return nil }
    // Howard Hinnant's days_from_civil.
    let shifted = month <= 2 ? year - 1 : year
    let era = (shifted >= 0 ? shifted : shifted - 399) / 400
    let yearOfEra = shifted - era * 400
    let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  /// Whole days from `start` to `end` (both ISO 8601), nil when either is malformed.
  public static func days(from start: String, to end: String) -> Int? {
    guard let first = day(start), let last = day(end) else { return nil }
    return last - first
  }

  /// True when `at` is within the first year after `purchased` (leap days counted).
  public static func withinFirstYear(purchased: String, at: String) -> Bool {
    guard let bought = day(purchased), let now = day(at),
      let year = Int(purchased.prefix(4)),
      let anniversary = Self.day(String(year + 1) + String(purchased.dropFirst(4).prefix(6)))
    else { return false }
    return now >= bought && now < anniversary
  }

  /// A service number: 7 to 15 digits, with optional `-`, spaces or a leading `+`.
  public static func isServiceNumber(_ text: String) -> Bool {
    let digits = text.filter(\.isNumber).count
    let allowed = text.enumerated().allSatisfy { index, character in
      character.isNumber || character == "-" || character == " "
        || (character == "+" && index == 0)
    }
    return allowed && (7...15).contains(digits) && text.count <= 20
  }
}

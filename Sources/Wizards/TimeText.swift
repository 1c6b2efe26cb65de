import Foundation

/// Times are stored in UTC (ISO 8601) and shown in local time.
enum TimeText {
  /// "2026-11-22 09:00" in the local time zone, or the text as it is when it
  /// is not a time.
  static func local(_ iso: String, in timeZone: TimeZone) -> String {
    let parser = ISO8601DateFormatter()
    parser.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    guard let date = parser.date(from: iso) ?? ISO8601DateFormatter().date(from: iso) else {
      return iso
    }
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = timeZone
    formatter.dateFormat = "yyyy-MM-dd HH:mm"
    return formatter.string(from: date)
  }
}

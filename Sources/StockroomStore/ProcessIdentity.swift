import Foundation
import Glibc
import StockroomDomain

/// Who is committing (the OS user from the process's uid) and what time it is (UTC; fixed by
/// `STOCKROOM_NOW` for tests and screens).
public enum ProcessIdentity {
  /// The OS user name of the real uid, else `$USER`, else `uid N`.
  public static func userName(environment: [String: String] = ProcessInfo.processInfo.environment)
    -> String
  {
    let uid = getuid()
    var entry = passwd()
    var result: UnsafeMutablePointer<passwd>?
    var buffer = [CChar](repeating: 0, count: 4096)
    if getpwuid_r(uid, &entry, &buffer, buffer.count, &result) == 0, let found = result,
      let name = found.pointee.pw_name
    {
      return String(cString: name)
    }
    return environment["USER"].flatMap { $0.isEmpty ? nil : $0 } ?? "uid \(uid)"
  }

  /// A context for this process with the given details.
  public static func context(
    performedBy: String? = nil, reference: String = "", comment: String = "",
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> TransactionContext {
    TransactionContext(
      user: userName(environment: environment), uid: getuid(), performedBy: performedBy,
      reference: reference, comment: comment)
  }

  /// Now, or `STOCKROOM_NOW` when it is set to an ISO 8601 time.
  public static func now(environment: [String: String] = ProcessInfo.processInfo.environment)
    -> Date
  {
    if let text = environment["STOCKROOM_NOW"], let date = parse(text) { return date }
    return Date()
  }

  /// UTC ISO 8601 with seconds: `2025-03-01T09:30:00Z`.
  public static func format(_ date: Date) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.timeZone = TimeZone(identifier: "UTC")
    return formatter.string(from: date)
  }

  /// Parses ISO 8601 with or without fractional seconds.
  public static func parse(_ text: String) -> Date? {
    let formatter = ISO8601DateFormatter()
    if let date = formatter.date(from: text) { return date }
    formatter.formatOptions.insert(.withFractionalSeconds)
    return formatter.date(from: text)
  }

  /// A fresh unique key for a commit.
  public static func newKey() -> String { UUID().uuidString.lowercased() }
}

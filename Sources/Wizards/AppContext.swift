import Foundation

/// What every screen may read about the world it runs in, fixed for tests:
/// the clock (`STOCKROOM_NOW`), who is at the keyboard, where the data is.
public struct AppContext: Sendable {
  public var now: Date
  public var userName: String
  public var userId: UInt32
  public var dataDirectory: URL
  public var version: String

  public init(now: Date, userName: String, userId: UInt32, dataDirectory: URL, version: String) {
    self.now = now
    self.userName = userName
    self.userId = userId
    self.dataDirectory = dataDirectory
    self.version = version
  }

  /// Parses `STOCKROOM_NOW` (ISO 8601, e.g. 2026-11-22T09:00:00Z).
  public static func fixedClock(_ environment: [String: String]) -> Date? {
    guard let text = environment["STOCKROOM_NOW"], !text.isEmpty else { return nil }
    let formatter = ISO8601DateFormatter()
    if let date = formatter.date(from: text) { return date }
    formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    return formatter.date(from: text)
  }

  /// The context used by `screens/` and snapshot tests: a fixed clock and user.
  public static let reference = AppContext(
    now: Date(timeIntervalSince1970: 1_795_338_000),  // 2026-11-22T09:00:00Z
    userName: "jdoe", userId: 1001,
    dataDirectory: URL(fileURLWithPath: "/home/jdoe/.local/share/stockroom"),
    version: "0.1.0")
}

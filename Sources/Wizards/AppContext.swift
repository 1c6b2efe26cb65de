import Foundation
import StockroomDomain
import TerminalUI

/// What every screen may read about the world it runs in, fixed for tests:
/// the clock (`STOCKROOM_NOW`), who is at the keyboard, where the data is,
/// and the store the wizards read from and commit through.
public struct AppContext {
  public var now: Date
  public var userName: String
  public var userId: UInt32
  public var dataDirectory: URL
  /// A database store's URL without its password; nil on the file store. The screens name it
  /// where they would name the data directory, which then holds only this machine's files.
  public var databaseStore: String?
  public var version: String
  /// The open store; nil while there is no data (the first-run offer).
  public var store: (any InventoryLedger)?
  /// Where times are shown (stored in UTC, shown in local time).
  public var timeZone: TimeZone = .current
  /// True in `stockroom --demo-session` (a visitor over SSH): nothing may start a shell or an
  /// editor, read or write files outside the session's data directory (no file prompt), change
  /// options or keep drafts; a banner says changes vanish on exit.
  public var isDemoSession = false
  /// The terminal's size as of the last resize; the runtime keeps it current,
  /// so a screen lays itself out for the room it really has (page sizes, mouse
  /// hit-testing, column widths) when it takes a key, not only when it draws.
  public var size: Size = .minimum
  /// Order mail whose last delivery failed, as the outbox last reported it; the runtime keeps
  /// it current and screens only read it (the order's screen shows its own).
  public var failedMail: [MailDelivery] = []
  /// True while the store cannot be reached (a database store's server was lost); the runtime
  /// keeps it current and the status line says so.
  public var connectionLost = false
  /// The returns receipts written by this run's commits, by Transaction ID (their paths).
  public var receipts: [String: String] = [:]

  /// Where a screen's body is drawn at the current size: what a screen lays
  /// its tables out in when it takes a key, as `view` is given when drawn.
  public var bodyRect: Rect { App.bodyRect(for: size) }

  public init(
    now: Date, userName: String, userId: UInt32, dataDirectory: URL, version: String,
    store: (any InventoryLedger)? = nil
  ) {
    self.now = now
    self.userName = userName
    self.userId = userId
    self.dataDirectory = dataDirectory
    self.version = version
    self.store = store
  }

  /// Where the data is, for a screen to show: the database store, else the data directory.
  public var dataLocation: String { databaseStore ?? dataDirectory.path }

  /// The inventory as of the last refresh (empty without a store).
  public var state: InventoryState { store?.state ?? InventoryState() }

  /// Parses `STOCKROOM_NOW` (ISO 8601, e.g. 2026-11-22T09:00:00Z).
  public static func fixedClock(_ environment: [String: String]) -> Date? {
    guard let text = environment["STOCKROOM_NOW"], !text.isEmpty else { return nil }
    let formatter = ISO8601DateFormatter()
    if let date = formatter.date(from: text) { return date }
    formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    return formatter.date(from: text)
  }

  /// The clock, user and paths `screens/` and snapshot tests use.
  public static let referenceNow = Date(timeIntervalSince1970: 1_795_338_000)  // 2026-11-22T09:00Z

  /// The context used by `screens/` and snapshot tests: a fixed clock and user.
  public static func reference(store: (any InventoryLedger)? = nil) -> AppContext {
    var context = AppContext(
      now: referenceNow, userName: "jdoe", userId: 1001,
      dataDirectory: URL(fileURLWithPath: "/home/jdoe/.local/share/stockroom"),
      version: "0.1.0", store: store)
    context.timeZone = TimeZone(identifier: "UTC") ?? .current
    return context
  }
}

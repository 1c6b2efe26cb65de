import Foundation
import TerminalUI

/// One thing that happened to the screens since they were last at home: a key,
/// or the answer to a commit that was refused (a committed one ends the draft).
public enum DraftEvent: Equatable, Sendable, Codable {
  case key(Key)
  case outcome(CommitOutcome)

  public init(from decoder: any Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    if text.hasPrefix("!refused:") {
      self = .outcome(.refused(String(text.dropFirst(9))))
    } else if text.hasPrefix("!conflict:") {
      self = .outcome(.conflict(String(text.dropFirst(10))))
    } else if let key = Key(token: text) {
      self = .key(key)
    } else {
      throw DecodingError.dataCorrupted(
        DecodingError.Context(codingPath: decoder.codingPath, debugDescription: "not an event"))
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    switch self {
    case .key(let key): try container.encode(key.token)
    case .outcome(.refused(let text)): try container.encode("!refused:" + text)
    case .outcome(.conflict(let text)): try container.encode("!conflict:" + text)
    case .outcome(.committed(let id)): try container.encode("!committed:" + id)
    }
  }
}

/// A wizard's answers in progress, kept in the data directory so a dropped SSH
/// session, SIGTERM or a crash loses nothing: the keys since the screens were
/// last at home, replayed from home (never committing) to land where the user was.
public struct Draft: Codable, Sendable, Equatable {
  public static let format = 1
  public var format = Draft.format
  public var id: String
  public var user: String
  public var uid: UInt32
  /// UTC ISO 8601 times.
  public var createdAt: String
  public var updatedAt: String
  /// The screens' titles, home first.
  public var breadcrumb: [String]
  /// The top screen's position ("Step 2 of 3 · Reference").
  public var position: String
  /// A fingerprint of the answers, compared after the replay.
  public var summary: String
  /// How many of `events` were handled at home (they rebuild the home screen).
  public var homeEvents: Int
  public var events: [DraftEvent]

  public init(
    id: String, user: String, uid: UInt32, createdAt: String, updatedAt: String,
    breadcrumb: [String], position: String, summary: String, homeEvents: Int,
    events: [DraftEvent]
  ) {
    self.id = id
    self.user = user
    self.uid = uid
    self.createdAt = createdAt
    self.updatedAt = updatedAt
    self.breadcrumb = breadcrumb
    self.position = position
    self.summary = summary
    self.homeEvents = homeEvents
    self.events = events
  }

  /// Where the draft stands, e.g. "Accounts › Deallocate RB-1 tokens (Step 2 of 3 · Reference)".
  public var title: String {
    let path = breadcrumb.dropFirst().map(TextSafety.neutralised).joined(separator: " › ")
    return position.isEmpty ? path : "\(path) (\(TextSafety.neutralised(position)))"
  }

  public func encoded() -> Data? {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return try? encoder.encode(self)
  }

  public static func decode(_ data: Data) -> Draft? {
    guard let draft = try? JSONDecoder().decode(Draft.self, from: data),
      draft.format == Draft.format, draft.homeEvents <= draft.events.count
    else { return nil }
    return draft
  }

  /// A fresh identifier: 12 lower-case hex digits.
  public static func newIdentifier() -> String {
    String(UUID().uuidString.lowercased().filter(\.isHexDigit).prefix(12))
  }

  /// UTC ISO 8601 with seconds.
  public static func timestamp(_ date: Date) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.timeZone = TimeZone(identifier: "UTC")
    return formatter.string(from: date)
  }
}

import Foundation
import TerminalUI

/// A wizard's answers in progress, kept in the data directory so a dropped SSH
/// session, SIGTERM or a crash loses nothing. It holds the answers by name
/// (the wizard's record), the step and control the user was on, and the
/// commit's idempotency key; Resume opens the wizard from them directly,
/// checked against the store as it is now. Keys are never replayed.
public struct Draft: Codable, Sendable, Equatable {
  /// 2: answers by name. 1 (keys replayed from home) is refused on Resume.
  public static let format = 2
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
  /// The wizard and its answers.
  public var wizard: WizardDraft

  public init(
    id: String, user: String, uid: UInt32, createdAt: String, updatedAt: String,
    breadcrumb: [String], position: String, wizard: WizardDraft
  ) {
    self.id = id
    self.user = user
    self.uid = uid
    self.createdAt = createdAt
    self.updatedAt = updatedAt
    self.breadcrumb = breadcrumb
    self.position = position
    self.wizard = wizard
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

  /// A draft file read back: the draft, or why it cannot be resumed.
  public enum Reading: Sendable, Equatable {
    case draft(Draft)
    /// A draft of another format; `id` and `title` when they could be read.
    case refused(id: String?, title: String, reason: String)
  }

  /// Reads a draft file; an older format is refused with a reason, never replayed.
  public static func read(_ data: Data) -> Reading {
    struct Header: Decodable {
      var format: Int?
      var id: String?
      var breadcrumb: [String]?
      var position: String?
    }
    guard let header = try? JSONDecoder().decode(Header.self, from: data) else {
      return .refused(id: nil, title: "", reason: "The draft file cannot be read.")
    }
    let title = (header.breadcrumb ?? []).dropFirst().map(TextSafety.neutralised)
      .joined(separator: " › ")
    guard header.format == Draft.format else {
      return .refused(
        id: header.id, title: title,
        reason: "This draft was saved by an older Stockroom (format \(header.format ?? 0)), as "
          + "keys to replay; it cannot be resumed safely. Discard it and start the wizard again.")
    }
    guard let draft = try? JSONDecoder().decode(Draft.self, from: data) else {
      return .refused(id: header.id, title: title, reason: "The draft file is damaged.")
    }
    return .draft(draft)
  }

  /// The draft in `data`, or nil when it cannot be resumed.
  public static func decode(_ data: Data) -> Draft? {
    if case .draft(let draft) = read(data) { return draft }
    return nil
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

/// Which OS user is which employee: kept with the ledger (the file store's `users.tsv`),
/// one user a line (`user`, `uid`, `employee`, `may act as`). The real uid is the key when it
/// is recorded; `anyone` in the last column lets the user act `--as` any employee.
public struct UserMap: Sendable, Equatable {
  public static let fileName = "users.tsv"

  /// One OS user and the employee they are.
  public struct Entry: Sendable, Equatable {
    public var user: String
    public var uid: UInt32?
    public var employee: String
    /// `anyone`, or the employee IDs this user may act as besides their own.
    public var mayActAs: [String]

    public init(user: String, uid: UInt32?, employee: String, mayActAs: [String] = []) {
      self.user = user
      self.uid = uid
      self.employee = employee
      self.mayActAs = mayActAs
    }

    /// True when this user may act as `employee`.
    public func mayAct(as employee: String) -> Bool {
      employee.uppercased() == self.employee.uppercased() || mayActAs.contains("anyone")
        || mayActAs.contains { $0.uppercased() == employee.uppercased() }
    }
  }

  public var entries: [Entry]

  public init(entries: [Entry] = []) { self.entries = entries }

  /// The entry of an OS user: by uid where recorded, else by name.
  public func entry(user: String, uid: UInt32) -> Entry? {
    entries.first { $0.uid == uid } ?? entries.first { $0.uid == nil && $0.user == user }
  }

  /// The employee an OS user acts as: their own, or `as` where the map allows it.
  public func acting(user: String, uid: UInt32, as other: String?) -> Result<String, Refusal> {
    guard let entry = entry(user: user, uid: uid) else {
      return .failure(
        Refusal(
          "OS user \(TextRules.neutralised(user)) (uid \(uid)) is not in \(Self.fileName); "
            + "ask the support desk to add you"))
    }
    guard let other, !other.isEmpty else { return .success(entry.employee) }
    guard entry.mayAct(as: other) else {
      return .failure(
        Refusal(
          "\(TextRules.neutralised(user)) may not act as \(TextRules.neutralised(other)) "
            + "(\(Self.fileName))"))
    }
    return .success(other.uppercased())
  }

  /// Why nobody can be acted as.
  public struct Refusal: Error, Sendable, Equatable {
    public var message: String
    public init(_ message: String) { self.message = message }
  }

  /// The file's text.
  public var text: String {
    var out = "# Stockroom user map: which OS user is which employee.\n"
    out += "# user\tuid\temployee\tmay act as (anyone, or employee IDs separated by commas)\n"
    for entry in entries {
      let acts = entry.mayActAs.isEmpty ? "-" : entry.mayActAs.joined(separator: ",")
      out += "\(entry.user)\t\(entry.uid.map(String.init) ?? "-")\t\(entry.employee)\t\(acts)\n"
    }
    return out
  }

  /// Parses the file's text; lines that are not four tab-separated columns are skipped.
  public static func parse(_ text: String) -> UserMap {
    var map = UserMap()
    for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
      let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map {
        Self.trimmed($0)
      }
      guard cells.count >= 3, !cells[0].isEmpty, !cells[2].isEmpty else { continue }
      let acts =
        cells.count > 3 && cells[3] != "-"
        ? cells[3].split(separator: ",").map(Self.trimmed) : []
      map.entries.append(
        Entry(user: cells[0], uid: UInt32(cells[1]), employee: cells[2], mayActAs: acts))
    }
    return map
  }

  /// `text` without the spaces and tabs around it.
  private static func trimmed(_ text: Substring) -> String {
    func blank(_ character: Character) -> Bool {
      character.unicodeScalars.allSatisfy {
        $0 == "\t" || $0.properties.generalCategory == .spaceSeparator
      }
    }
    guard let first = text.firstIndex(where: { !blank($0) }),
      let last = text.lastIndex(where: { !blank($0) })
    else { return "" }
    return String(text[first...last])
  }

  /// The demo's map: the OS user who made it is the support desk, allowed to act as anyone.
  public static func demo(context: TransactionContext, employee: String) -> UserMap {
    UserMap(entries: [
      Entry(user: context.user, uid: context.uid, employee: employee, mayActAs: ["anyone"])
    ])
  }
}

import Foundation
import StockroomDomain

/// One ledger line: `{"crc":"xxxxxxxx","seq":N,"prev":"yyyyyyyy",…}\n`. The checksum sits at
/// bytes 8..<16 and covers every byte after `{"crc":"xxxxxxxx",` up to (not including) the
/// newline, so it can be checked without decoding the JSON.
public enum LedgerRecord {
  static let crcPrefix = Array(#"{"crc":""#.utf8)
  /// Where the checksummed body starts.
  static let bodyStart = 18
  public static let newline = UInt8(ascii: "\n")

  /// The line for a transaction at a sequence number, chained to the previous checksum.
  public static func encode(_ transaction: Transaction, sequence: UInt64, previous: UInt32)
    throws(StoreError) -> (line: [UInt8], crc: UInt32)
  {
    try line(
      #""seq":\#(sequence),"prev":"\#(CRC32C.hex(previous))","#, json: try json(transaction))
  }

  /// The kind of a group record.
  public static let groupKind = "group"

  /// One line for the transactions of a group commit (docs/DESIGN.md section 6): sequences
  /// `first` on, in order, written, torn and read together, each still its own transaction.
  /// `seq` is the last member's, `first` the first's. A group of one is a plain record.
  public static func encode(group: [Transaction], first: UInt64, previous: UInt32)
    throws(StoreError) -> (line: [UInt8], crc: UInt32)
  {
    if group.count == 1, let only = group.first {
      return try encode(only, sequence: first, previous: previous)
    }
    let last = first + UInt64(group.count) - 1
    let body = GroupBody(group: group, kind: groupKind, version: StoreVersion.format)
    return try line(
      #""seq":\#(last),"prev":"\#(CRC32C.hex(previous))","first":\#(first),"#,
      json: try json(body))
  }

  /// The members of a group line.
  struct GroupBody: Codable {
    var group: [Transaction]
    var kind: String
    var version: Int
  }

  private static func json(_ value: some Encodable) throws(StoreError) -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    do {
      return try encoder.encode(value)
    } catch {
      throw .commitFailed("cannot encode the transaction: \(error)")
    }
  }

  private static func line(_ framing: String, json: Data) -> (line: [UInt8], crc: UInt32) {
    var body = Array(framing.utf8)
    body.reserveCapacity(body.count + json.count)
    body.append(contentsOf: json.dropFirst())
    let crc = CRC32C.checksum(body)
    var line = crcPrefix + Array(CRC32C.hex(crc).utf8) + Array(#"","#.utf8)
    line.reserveCapacity(line.count + body.count + 1)
    line += body
    line.append(newline)
    return (line, crc)
  }

  /// The framing fields of a line, checked without decoding the JSON.
  public struct Frame: Equatable, Sendable {
    public var crc: UInt32
    /// The last (for a plain record, the only) transaction's sequence number.
    public var sequence: UInt64
    public var previous: UInt32
    /// How many transactions the record holds: more than one for a group.
    public var count: UInt64 = 1

    /// The first transaction's sequence number.
    public var first: UInt64 { sequence - count + 1 }

    /// Whether the record holds transaction `sequence`.
    public func holds(_ sequence: UInt64) -> Bool {
      sequence >= first && sequence <= self.sequence
    }
  }

  /// Parses and checks a line's framing (without its newline); a reason when it is not valid.
  public static func frame(_ line: UnsafeRawBufferPointer) -> Result<Frame, FrameError> {
    let count = line.count
    guard count > bodyStart + 26 else { return .failure(.notARecord) }
    for (index, byte) in crcPrefix.enumerated() where line[index] != byte {
      return .failure(.notARecord)
    }
    guard let stored = hexValue(line, 8), line[16] == UInt8(ascii: "\""),
      line[17] == UInt8(ascii: ",")
    else { return .failure(.notARecord) }
    let body = UnsafeRawBufferPointer(rebasing: line[bodyStart..<count])
    let actual = CRC32C.checksum(body)
    guard actual == stored else {
      return .failure(.checksum(stored: stored, actual: actual))
    }
    let seqKey = Array(#""seq":"#.utf8)
    var index = bodyStart
    for byte in seqKey {
      guard index < count, line[index] == byte else { return .failure(.notARecord) }
      index += 1
    }
    var sequence: UInt64 = 0
    var digits = 0
    while index < count, line[index] >= 48, line[index] <= 57, digits < 19 {
      sequence = sequence * 10 + UInt64(line[index] - 48)
      index += 1
      digits += 1
    }
    let prevKey = Array(#","prev":""#.utf8)
    guard digits > 0 else { return .failure(.notARecord) }
    for byte in prevKey {
      guard index < count, line[index] == byte else { return .failure(.notARecord) }
      index += 1
    }
    guard index + 8 < count, let previous = hexValue(line, index) else {
      return .failure(.notARecord)
    }
    var frame = Frame(crc: stored, sequence: sequence, previous: previous)
    index += 8
    let firstKey = Array(#"","first":"#.utf8)
    if index + firstKey.count < count,
      firstKey.indices.allSatisfy({ line[index + $0] == firstKey[$0] })
    {
      index += firstKey.count
      var first: UInt64 = 0
      digits = 0
      while index < count, line[index] >= 48, line[index] <= 57, digits < 19 {
        first = first * 10 + UInt64(line[index] - 48)
        index += 1
        digits += 1
      }
      guard digits > 0, first >= 1, first < sequence else { return .failure(.notARecord) }
      frame.count = sequence - first + 1
    }
    return .success(frame)
  }

  /// What is wrong with a line's framing.
  public enum FrameError: Error, Equatable, Sendable {
    case notARecord
    case checksum(stored: UInt32, actual: UInt32)

    public var text: String {
      switch self {
      case .notARecord: return "not a ledger record"
      case .checksum(let stored, let actual):
        return "checksum mismatch (stored \(CRC32C.hex(stored)), computed \(CRC32C.hex(actual)))"
      }
    }
  }

  private static func hexValue(_ bytes: UnsafeRawBufferPointer, _ start: Int) -> UInt32? {
    var value: UInt32 = 0
    for index in start..<(start + 8) {
      let byte = bytes[index]
      let digit: UInt32
      switch byte {
      case 48...57: digit = UInt32(byte - 48)
      case 97...102: digit = UInt32(byte - 87)
      default: return nil
      }
      value = value << 4 | digit
    }
    return value
  }

  /// A record decoded in one pass over its JSON (a record of a large receipt holds many
  /// thousands of serials, and every whole-ledger read decodes it): the kind and format
  /// version are read first, and the transaction (a plain record) or the group's members only
  /// when the version is one this Stockroom reads.
  struct Body: Decodable {
    var kind: String?
    var version: Int
    /// Nil for a newer format or an unknown kind.
    var members: [Transaction]?

    private enum Keys: String, CodingKey { case kind, version, group }

    init(from decoder: any Decoder) throws {
      let container = try decoder.container(keyedBy: Keys.self)
      kind = try container.decodeIfPresent(String.self, forKey: .kind)
      version = try container.decodeIfPresent(Int.self, forKey: .version) ?? 0
      guard version <= StoreVersion.format else { return }
      switch kind {
      case Transaction.recordKind: members = [try Transaction(from: decoder)]
      case groupKind: members = try container.decode([Transaction].self, forKey: .group)
      default: members = nil
      }
    }
  }

  /// Decodes a valid line's transactions (one, or a group's members in order), refusing newer
  /// formats, unknown kinds and members that are not the frame's sequence numbers.
  public static func decode(_ line: Data, frame: Frame) throws(RecordDecodeError)
    -> [Transaction]
  {
    let body: Body
    do {
      body = try JSONDecoder().decode(Body.self, from: line)
    } catch DecodingError.dataCorrupted(let context) where context.codingPath.isEmpty {
      throw .malformed("not JSON")
    } catch {
      throw .malformed("cannot decode the transaction: \(error)")
    }
    if body.version > StoreVersion.format {
      throw .newerVersion(body.version)
    }
    let plain = body.kind == Transaction.recordKind
    guard let members = body.members, plain == (frame.count == 1) else {
      throw .malformed("unknown record kind \(body.kind ?? "(none)")")
    }
    let expected = (frame.first...frame.sequence).map(Transaction.identifier(sequence:))
    guard members.map(\.transactionId) == expected,
      members.allSatisfy({ $0.kind == Transaction.recordKind && $0.version <= StoreVersion.format })
    else {
      throw .malformed(
        "the record holds \(members.map(\.transactionId).joined(separator: ", ")), not "
          + expected.joined(separator: ", "))
    }
    return members
  }

  /// Why a line with a good checksum still cannot be used.
  public enum RecordDecodeError: Error {
    case newerVersion(Int)
    case malformed(String)

    /// What is wrong, for a message that says where.
    public var message: String {
      switch self {
      case .newerVersion(let version):
        return "record format version \(version) is newer than this Stockroom reads "
          + "(\(StoreVersion.format)); use a newer Stockroom"
      case .malformed(let text): return text
      }
    }
  }
}

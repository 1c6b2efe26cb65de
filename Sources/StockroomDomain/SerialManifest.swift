/// Reads serials from a manifest: one serial a line, or a column of a CSV file (by header name
/// or 1-based number; by default the column whose header contains "serial", else the first).
public enum SerialManifest {
  /// Why a manifest could not be read; the message is one line.
  public enum Failure: Error, Hashable, Sendable, CustomStringConvertible {
    case noColumn(String, headers: [String])
    case columnOutOfRange(Int, count: Int)
    case empty

    public var description: String {
      switch self {
      case .noColumn(let name, let headers):
        return "no column \(name); the header has " + headers.joined(separator: ", ")
      case .columnOutOfRange(let number, let count):
        return "column \(number) does not exist; the file has \(count) columns"
      case .empty: return "the file lists no serials"
      }
    }
  }

  /// The serials of `text`. A file is CSV (first row a header) when `csv` is true, a column
  /// was asked for, or its first line holds a comma; otherwise each non-blank line is one
  /// serial. Cells are trimmed of spaces; rows whose cell is empty are skipped.
  public static func serials(in text: String, column: String? = nil, csv: Bool = false)
    throws(Failure) -> [String]
  {
    try table(in: text, column: column, csv: csv).rows.map(\.serial)
  }

  /// A manifest's rows that name a serial, with their cells, and its header (empty for a plain
  /// list, whose rows have the serial as their one cell).
  struct Table {
    var header: [String]
    var rows: [(serial: String, cells: [String])]

    /// The column headed `name` (any case), nil when there is none.
    func column(_ name: String) -> Int? {
      header.firstIndex { $0.lowercased() == name }
    }
  }

  /// The rows of `text`, read as `serials(in:column:csv:)` reads them.
  static func table(in text: String, column: String?, csv: Bool) throws(Failure) -> Table {
    var body = Substring(text)
    if body.first == "\u{FEFF}" { body = body.dropFirst() }
    let firstLine = body.prefix { $0 != "\n" && $0 != "\r\n" && $0 != "\r" }
    let isCSV = csv || column != nil || firstLine.contains(",")
    if !isCSV {
      let serials = body.split(whereSeparator: \.isNewline).map { trim(String($0)) }
        .filter { !$0.isEmpty }
      if serials.isEmpty { throw .empty }
      return Table(header: [], rows: serials.map { ($0, [$0]) })
    }
    let rows = parseCSV(body)
    guard let header = rows.first?.map(trim) else { throw .empty }
    let index = try columnIndex(column, header)
    let named = rows.dropFirst().compactMap { row -> (serial: String, cells: [String])? in
      guard index < row.count else { return nil }
      let serial = trim(row[index])
      return serial.isEmpty ? nil : (serial, row.map(trim))
    }
    if named.isEmpty { throw .empty }
    return Table(header: header, rows: named)
  }

  static func columnIndex(_ column: String?, _ header: [String]) throws(Failure) -> Int {
    guard let column else {
      return header.firstIndex { $0.lowercased().contains("serial") } ?? 0
    }
    if let number = Int(column), column.allSatisfy(\.isASCII) {
      guard number >= 1 && number <= header.count else {
        throw .columnOutOfRange(number, count: header.count)
      }
      return number - 1
    }
    let wanted = trim(column).lowercased()
    guard let index = header.firstIndex(where: { $0.lowercased() == wanted }) else {
      throw .noColumn(column, headers: header)
    }
    return index
  }

  static func trim(_ text: String) -> String {
    String(
      text.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }
        .reversed())
  }

  /// RFC 4180 rows: quoted cells may hold commas, quotes (doubled) and line breaks.
  static func parseCSV(_ text: Substring) -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var cell = ""
    var quoted = false
    var index = text.startIndex
    var rowHasContent = false
    while index < text.endIndex {
      let character = text[index]
      index = text.index(after: index)
      if quoted {
        if character == "\"" {
          if index < text.endIndex && text[index] == "\"" {
            cell.append("\"")
            index = text.index(after: index)
          } else {
            quoted = false
          }
        } else {
          cell.append(character)
        }
        continue
      }
      switch character {
      case "\"":
        quoted = true
        rowHasContent = true
      case ",":
        row.append(cell)
        cell = ""
        rowHasContent = true
      case "\n", "\r\n", "\r":
        if rowHasContent || !cell.isEmpty {
          row.append(cell)
          rows.append(row)
        }
        row = []
        cell = ""
        rowHasContent = false
      default:
        cell.append(character)
        rowHasContent = true
      }
    }
    if rowHasContent || !cell.isEmpty {
      row.append(cell)
      rows.append(row)
    }
    return rows
  }
}

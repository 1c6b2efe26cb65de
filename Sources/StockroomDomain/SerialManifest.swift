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
    var body = Substring(text)
    if body.first == "\u{FEFF}" { body = body.dropFirst() }
    let rows = parseCSV(body)
    let firstLine = body.prefix { $0 != "\n" && $0 != "\r\n" && $0 != "\r" }
    let isCSV = csv || column != nil || firstLine.contains(",")
    if !isCSV {
      let serials = body.split(whereSeparator: \.isNewline).map { trim(String($0)) }
        .filter { !$0.isEmpty }
      if serials.isEmpty { throw .empty }
      return serials
    }
    guard let header = rows.first?.map(trim) else { throw .empty }
    let index = try columnIndex(column, header)
    let serials = rows.dropFirst().compactMap { row in
      index < row.count ? trim(row[index]) : nil
    }.filter { !$0.isEmpty }
    if serials.isEmpty { throw .empty }
    return serials
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

/// The three ways a report leaves the program: CSV (RFC 4180), JSON Lines and plain text.
/// The `report` command prints them and the Reports screen exports them, the same bytes.
extension ReportTable {
  /// RFC 4180: a header row of the JSON field names, one record a row, CRLF after each, a
  /// field quoted when it holds a comma, a quote, CR or LF (quotes doubled); no totals row.
  public var csv: String {
    var out = columns.map { Self.csvField($0.key) }.joined(separator: ",") + "\r\n"
    for row in rows {
      out +=
        row.map { Self.csvField(TextRules.neutralised($0.text)) }.joined(
          separator: ",") + "\r\n"
    }
    return out
  }

  /// One JSON object a row, each column's field in column order; numbers as numbers, an
  /// empty cell as `null`. No totals.
  public var jsonLines: String {
    rows.map { row in
      "{"
        + zip(columns, row).map { column, value in
          let raw: String
          switch value {
          case .text(let text): raw = JSONQuoting.quoted(text)
          case .number(let number): raw = String(number)
          case .none: raw = "null"
          }
          return JSONQuoting.quoted(column.key) + ":" + raw
        }.joined(separator: ",") + "}\n"
    }.joined()
  }

  /// Columns padded to their widest cell (at most `limit` characters), then a line of
  /// totals: the row count and each number column's sum.
  public func plain(limit: Int = 40) -> String {
    let totalsRow: [String] = totals.enumerated().map { index, total in
      index == 0 ? "Total (\(rows.count) rows)" : total.map(String.init) ?? ""
    }
    let cells = rows.map { $0.map { TextRules.neutralised($0.text) } }
    let all = [columns.map(\.title)] + cells + [totalsRow]
    let widths = columns.indices.map { index in
      min(limit, all.map { $0[index].count }.max() ?? 0)
    }
    let lines = all.map { line in
      line.enumerated().map { index, text in
        let clipped = String(text.prefix(widths[index]))
        let gap = String(repeating: " ", count: widths[index] - clipped.count)
        return columns[index].isNumber ? gap + clipped : clipped + gap
      }.joined(separator: "  ")
    }
    return lines.map { String($0.reversed().drop(while: { $0 == " " }).reversed()) }
      .joined(separator: "\n") + "\n"
  }

  static func csvField(_ text: String) -> String {
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" })
    else { return text }
    return "\""
      + text.split(separator: "\"", omittingEmptySubsequences: false).joined(
        separator: "\"\"") + "\""
  }
}

/// JSON string literals for output printed by the million: quotes, backslashes and control
/// characters escaped, and the characters `TextRules` calls unsafe written as `\u` escapes.
public enum JSONQuoting {
  public static func quoted(_ value: String) -> String {
    var out = "\""
    for scalar in value.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if scalar.value < 0x20 || TextRules.isUnsafe(scalar) {
          let hex = String(scalar.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }
}

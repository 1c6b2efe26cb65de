/// How a summary of what a command will change is laid out, on the Confirm step and by the
/// headless commands alike: a heading, one bullet per sentence (wrapped), a blank line, then
/// labelled rows whose values wrap (text) or pack two spaces apart (lists of serials).
public enum SummaryLayout {
  /// One labelled row: a text, or a list of items (`isList`) kept whole.
  public typealias Row = (label: String, items: [String], isList: Bool)

  /// Width of the label column ("Reference" plus three spaces).
  public static let labelWidth = 12

  /// The summary as lines of at most `width` cells.
  public static func lines(heading: String, bullets: [String], rows: [Row], width: Int)
    -> [String]
  {
    let width = max(width, labelWidth + 12)
    var result = [heading]
    for bullet in bullets {
      let wrapped = TextLayout.wrap(bullet, width: width - 4)
      for (index, line) in wrapped.enumerated() {
        result.append((index == 0 ? "  • " : "    ") + line)
      }
    }
    result.append("")
    let indent = String(repeating: " ", count: 2 + labelWidth)
    for row in rows {
      let label = "  " + TextLayout.pad(row.label, to: labelWidth)
      let values =
        row.isList
        ? pack(row.items, width: width - indent.count)
        : row.items.flatMap { TextLayout.wrap($0, width: width - indent.count) }
      for (index, value) in values.enumerated() {
        result.append(trimmed((index == 0 ? label : indent) + value))
      }
    }
    return result
  }

  /// The summary as the line mode reads it, nothing wrapped: the heading, a line per bullet,
  /// then a line per row, its value named by its label ("Reference: RMA-1").
  public static func namedLines(heading: String, bullets: [String], rows: [Row]) -> [String] {
    [heading] + bullets.map { "• " + $0 }
      + rows.map { "\($0.label): " + $0.items.joined(separator: $0.isList ? ", " : " ") }
  }

  /// Items two spaces apart, as many per line as fit (an item wider than the line is wrapped).
  static func pack(_ items: [String], width: Int) -> [String] {
    var lines: [String] = []
    var line = ""
    for item in items {
      let candidate = line.isEmpty ? item : line + "  " + item
      if CharacterWidth.of(candidate) <= width {
        line = candidate
        continue
      }
      if !line.isEmpty { lines.append(line) }
      let pieces = TextLayout.wrap(item, width: width)
      lines += pieces.dropLast()
      line = pieces.last ?? ""
    }
    if !line.isEmpty || lines.isEmpty { lines.append(line) }
    return lines
  }

  static func trimmed(_ text: String) -> String {
    var copy = text
    while copy.last == " " { copy.removeLast() }
    return copy
  }
}

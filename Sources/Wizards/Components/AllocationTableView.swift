import StockroomDomain
import TerminalUI

/// An account's allocation table drawn compactly (Maximum, In Use, Available per column),
/// as the result of a deallocation or an allocation shows it after the commit.
enum AllocationTableView {
  /// Draws the table with its top-left at (`x`, `y`): two heading rows, then three rows.
  static func draw(_ cells: [AllocationCell], x: Int, y: Int, into buffer: inout Buffer) {
    buffer.put("Maximum", x: x + 1, y: y + 2)
    buffer.put("In Use", x: x + 1, y: y + 3)
    buffer.put("Available", x: x + 1, y: y + 4, style: .title)
    for (index, cell) in cells.enumerated() {
      let cx = x + AllocationScreen.labelWidth + index * AllocationScreen.columnWidth
      let (top, bottom) = AllocationScreen.headerLines(cell.title)
      let width = AllocationScreen.columnWidth - 1
      buffer.put(TextLayout.padLeft(top, to: width + 1), x: cx - 1, y: y, style: .title)
      buffer.put(TextLayout.padLeft(bottom, to: width + 1), x: cx - 1, y: y + 1, style: .title)
      buffer.put(TextLayout.padLeft(String(cell.maximum), to: width), x: cx, y: y + 2)
      buffer.put(TextLayout.padLeft(String(cell.inUse), to: width), x: cx, y: y + 3)
      buffer.put(
        TextLayout.padLeft(String(cell.available), to: width), x: cx, y: y + 4, style: .title)
    }
  }

  /// The table read as lines, a line per column with each value named by its row:
  /// "RB-1: Maximum 9, In Use 5, Available 4".
  static func namedRows(_ cells: [AllocationCell]) -> [String] {
    cells.map { cell in
      RowLine.named(
        cell.title,
        [
          ("Maximum", String(cell.maximum)), ("In Use", String(cell.inUse)),
          ("Available", String(cell.available)),
        ])
    }
  }
}

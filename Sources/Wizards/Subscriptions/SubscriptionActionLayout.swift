import StockroomDomain
import TerminalUI

/// Where the subscription action modal puts each control in the rectangle it is given: the
/// one layout that drawing, the cursor, mouse clicks and page sizes share. The tables get
/// every row under the information table and, wider than 80 columns, wider columns.
extension SubscriptionActionFlow {
  public func layout(step: Step, answers: Answers, in rect: Rect) -> StepLayout<Control> {
    var layout = StepLayout<Control>(area: rect)
    let body = SubscriptionActionLayout.body(rect)
    for control in controls(step: step, answers: answers) {
      layout.place(control, frame(of: control, answers: answers, body: body))
    }
    return layout
  }

  /// Where `control` goes in the body under the information table.
  private func frame(of control: Control, answers: Answers, body: Rect) -> Rect {
    typealias Geometry = SubscriptionActionLayout
    let swapRows = Geometry.swapRows(body, items: answers.items.count)
    switch control {
    case .installed where action == .swap: return swapRows.installed
    case .installed: return Geometry.installedRect(body)
    case .reason: return Geometry.inlineRow(body, y: swapRows.installed.maxY + 1)
    case .mode: return Geometry.inlineRow(body, y: swapRows.installed.maxY + 2)
    case .components: return swapRows.components
    case .search: return Geometry.searchRect(body)
    case .candidates: return Geometry.candidatesRect(body, reserve: action == .add ? 2 : 0)
    case .ownership: return Geometry.inlineRow(body, y: body.maxY - 1)
    case .performedBy: return Geometry.detailRect(body, row: 0, field: answers.performedBy)
    case .performedDate: return Geometry.detailRect(body, row: 1, field: answers.performedOn)
    case .reference: return Geometry.detailRect(body, row: 2, field: answers.reference)
    }
  }
}

/// The modal's geometry as functions of the rectangle: the information table's four rows,
/// the body under it, each area's rectangle and the tables' column widths.
enum SubscriptionActionLayout {
  static let labelWidth = 24
  /// The inside width of the modal at 80x24: wider than this, the columns grow.
  static let baseWidth = 78

  /// The rows under the information table.
  static func body(_ rect: Rect) -> Rect {
    Rect(x: rect.x, y: rect.y + 4, width: rect.width, height: max(0, rect.height - 4))
  }

  /// How many columns wider than at 80x24 the modal is.
  static func extra(_ rect: Rect) -> Int { max(0, rect.width - baseWidth) }

  static func installedRect(_ body: Rect) -> Rect {
    Rect(x: body.x + 1, y: body.y + 2, width: body.width - 2, height: max(0, body.height - 5))
  }

  /// A swap's Item step, top to bottom: the Installed Items table (as tall as its rows,
  /// leaving room for the rest), a blank row, Reason, Swap, a blank row, the Installed Items
  /// Components title and its check-box list to the bottom.
  static func swapRows(_ body: Rect, items: Int) -> (installed: Rect, components: Rect) {
    let height = max(1, min(items, body.height - 10))
    let installed = Rect(x: body.x + 1, y: body.y + 2, width: body.width - 2, height: height)
    let top = installed.maxY + 5
    let components = Rect(
      x: body.x + 1, y: top, width: body.width - 2, height: max(0, body.maxY - top))
    return (installed, components)
  }

  static func searchRect(_ body: Rect) -> Rect {
    Rect(x: body.x + 31, y: body.y, width: 26, height: 1)
  }

  static func candidatesRect(_ body: Rect, reserve: Int) -> Rect {
    Rect(
      x: body.x + 1, y: body.y + 3, width: body.width - 2,
      height: max(0, body.height - 3 - reserve))
  }

  /// A one-line radio group with its label.
  static func inlineRow(_ body: Rect, y: Int) -> Rect {
    Rect(x: body.x + 1, y: y, width: body.width - 2, height: 1)
  }

  /// Where detail field `row` (0 performed by, 1 performed date, 2 reference) is: its box.
  static func detailRect(_ body: Rect, row: Int, field: TextField) -> Rect {
    let line = [1, 2, 4][min(max(0, row), 2)]
    return Rect(x: body.x + labelWidth, y: body.y + line, width: field.width + 2, height: 1)
  }

  /// The frame of each option of a one-line radio group drawn in `row`.
  static func optionFrames(_ group: RadioGroup, in row: Rect) -> [Rect] {
    var column = row.x + 10
    return group.options.map { option in
      let width = CharacterWidth.of("( ) " + option.label)
      defer { column += width + 2 }
      return Rect(x: column, y: row.y, width: width, height: 1)
    }
  }

  /// The first row shown of a list of `count` rows in `height` rows, the cursor in view.
  static func top(cursor: Int?, count: Int, height: Int) -> Int {
    max(0, min((cursor ?? 0) - height + 1, count - height))
  }

  /// The installed items table's columns at `width`: serial, product, ownership, bundle,
  /// and from 100 columns on the item's distributors.
  static func installedColumns(width: Int) -> [Int] {
    let extra = max(0, width - (baseWidth - 2))
    guard extra >= 24 else { return [13, 20 + extra, 10] }
    return [13 + extra / 8, 20 + extra / 4, 10, 24]
  }

  /// The new items table's columns at `width`: serial, product, warehouse (with its name
  /// from 100 columns on), then a bundle's components.
  static func candidateColumns(width: Int) -> [Int] {
    let extra = max(0, width - (baseWidth - 2))
    guard extra >= 24 else { return [13, 20 + extra, 12] }
    return [13 + extra / 8, 20 + extra / 4, 12 + extra / 2]
  }

  /// True when the table is wide enough for its extra columns.
  static func isWide(_ width: Int) -> Bool { width - (baseWidth - 2) >= 24 }
}

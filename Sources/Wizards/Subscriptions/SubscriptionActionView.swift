import StockroomDomain
import TerminalUI

/// How the subscription action modal draws each area, where its layout says, inside the
/// wizard's frame.
enum SubscriptionActionView {
  typealias Control = SubscriptionActionFlow.Control

  /// Draws `step`: the information table, then the step's areas at their frames.
  static func draw(
    _ step: SubscriptionActionFlow.Step, focus: Control?, answers: SubscriptionActionAnswers,
    layout: StepLayout<Control>, into buffer: inout Buffer
  ) {
    header(answers: answers, into: &buffer, in: layout.area)
    step.drawBody(
      focus: focus, answers: answers, layout: layout, into: &buffer,
      body: SubscriptionActionLayout.body(layout.area))
  }

  /// The information table's facts, name and value, as read left to right, row by row.
  static func facts(_ answers: SubscriptionActionAnswers) -> [(String, String)] {
    let action = answers.action
    return [
      ("Action can be scheduled", action.canBeScheduled ? "Yes" : "No"),
      ("Behaviour Code", action.behaviourCode),
      ("Preview Rate Available", action.previewRateAvailable ? "Yes" : "No"),
      ("Business Classification Code", action.classificationCode(in: answers.subscription.state)),
    ]
  }

  /// The subscription's facts, name and value: its number, state and owner, and its services
  /// when it has any.
  static func subscriptionFacts(_ answers: SubscriptionActionAnswers) -> [(String, String)] {
    let subscription = answers.subscription
    let owner = answers.book.receivable(subscription.receivable)
    let facts = [
      ("Subscription", subscription.number), ("State", subscription.state.title),
      (
        "Accounts Receivable",
        "\(subscription.receivable) " + TextSafety.neutralised(owner?.name ?? "")
          + " (\(owner?.state.title ?? "unknown"))"
      ),
    ]
    guard !subscription.services.isEmpty else { return facts }
    return facts + [("Services", subscription.services.map(\.name).joined(separator: ", "))]
  }

  /// The information table and the subscription line, spread over a wider modal.
  static func header(
    answers: SubscriptionActionAnswers, into buffer: inout Buffer, in rect: Rect
  ) {
    let shift = SubscriptionActionLayout.extra(rect) / 2
    let facts = facts(answers)
    for row in 0..<2 {
      let y = rect.y + row
      let (left, right) = (facts[row * 2], facts[row * 2 + 1])
      buffer.put(left.0, x: rect.x + 1, y: y, style: .title, clip: rect)
      buffer.put(left.1, x: rect.x + 25, y: y, clip: rect)
      buffer.put(right.0, x: rect.x + 29 + shift, y: y, style: .title, clip: rect)
      buffer.put(right.1, x: rect.x + 58 + shift, y: y, clip: rect)
    }
    // The services only where the modal is wider.
    let line = subscriptionFacts(answers).prefix(shift > 0 ? 4 : 3).map(\.1)
      .joined(separator: " · ")
    buffer.put(line, x: rect.x + 1, y: rect.y + 2, style: .hint, clip: rect)
    buffer.put(
      String(repeating: Box.horizontal, count: max(0, rect.width)), x: rect.x, y: rect.y + 3,
      style: .frame, clip: rect)
  }

  /// A radio group drawn on one line after its label, in `row`.
  static func inline(
    _ label: String, _ group: RadioGroup, focused: Bool, note: String? = nil,
    into buffer: inout Buffer, in row: Rect, clip: Rect
  ) {
    buffer.put(label, x: row.x, y: row.y, style: .title, clip: clip)
    if let note {
      buffer.put(note, x: row.x + 10, y: row.y, style: .hint, clip: clip)
      return
    }
    let frames = SubscriptionActionLayout.optionFrames(group, in: row)
    for (index, option) in group.options.enumerated() {
      let frame = frames[index]
      let text = (index == group.selected ? "(•) " : "( ) ") + option.label
      buffer.put(text, x: frame.x, y: frame.y, clip: clip)
      if focused && index == group.highlighted {
        buffer.restyle(frame) { $0.reverse = true }
      }
    }
  }

  /// A list of rows with a cursor (none: nothing chosen yet), scrolled to keep it in view.
  static func list(
    _ rows: [String], cursor: Int?, focused: Bool, into buffer: inout Buffer, in rect: Rect
  ) {
    guard rect.height > 0 else { return }
    let top = SubscriptionActionLayout.top(cursor: cursor, count: rows.count, height: rect.height)
    for (line, index) in (top..<min(rows.count, top + rect.height)).enumerated() {
      let selected = index == cursor
      let text = (selected ? "> " : "  ") + rows[index]
      let row = rect.row(line)
      buffer.put(TextLayout.pad(text, to: row.width), x: row.x, y: row.y, clip: row)
      if selected && focused { buffer.restyle(row) { $0.reverse = true } }
    }
    if rows.count > rect.height {
      let more = "\(cursor.map { $0 + 1 } ?? 0)/\(rows.count)"
      buffer.put(
        more, x: rect.maxX - more.count, y: rect.y - 1, style: .hint, clip: rect.inset(by: -1))
    }
  }

  /// `cells` padded to `widths`, the last cell as long as it is.
  static func columns(_ cells: [String], _ widths: [Int]) -> String {
    var line = ""
    for (index, cell) in cells.enumerated() {
      line += index < widths.count ? TextLayout.pad(cell, to: widths[index]) : cell
    }
    return line
  }

  static func itemRow(_ item: InstalledItem, _ book: SubscriptionBook, width: Int) -> String {
    let cells = itemCells(item, book, wide: SubscriptionActionLayout.isWide(width))
    return columns(cells, SubscriptionActionLayout.installedColumns(width: width))
  }

  /// The Installed Items table's columns, the distributors only when it is wide.
  static let itemColumns = ["Serial", "Product", "Ownership", "Bundle", "Distributors"]

  /// An installed item's cells under `itemColumns` (a component's serial indented).
  static func itemCells(_ item: InstalledItem, _ book: SubscriptionBook, wide: Bool) -> [String] {
    let serial = (item.bundle == nil ? "" : "  ") + TextSafety.neutralised(item.serial)
    let bundle = item.bundle.map { "component of \($0)" } ?? ""
    let cells = [serial, book.productName(item.product), item.ownership.title, bundle]
    return cells + (wide ? [item.distributors.joined(separator: ", ")] : [])
  }

  static func item(
    _ focus: Control?, _ answers: SubscriptionActionAnswers, _ layout: StepLayout<Control>,
    _ buffer: inout Buffer, _ body: Rect
  ) {
    let listRect = layout.frame(.installed)
    let widths = SubscriptionActionLayout.installedColumns(width: listRect.width - 2)
    let wide = SubscriptionActionLayout.isWide(listRect.width - 2)
    buffer.put("Installed Items", x: body.x + 1, y: body.y, style: .title, clip: body)
    buffer.put(
      "  " + columns(Array(itemColumns.prefix(wide ? 5 : 3)), widths),
      x: body.x + 1, y: body.y + 1, style: .hint, clip: body)
    list(
      answers.items.map { itemRow($0, answers.book, width: listRect.width - 2) },
      cursor: answers.itemCursor, focused: focus == .installed, into: &buffer, in: listRect)
    if answers.items.isEmpty {
      buffer.put("No installed items.", x: listRect.x + 2, y: listRect.y, style: .hint)
    }
    if answers.action == .swap {
      inline(
        "Reason", answers.reason, focused: focus == .reason, into: &buffer,
        in: layout.frame(.reason), clip: body)
      inline(
        "Swap", answers.mode, focused: focus == .mode,
        note: answers.isBundleItem ? nil : "Not a Fixed Product Bundle item",
        into: &buffer, in: layout.frame(.mode), clip: body)
      components(focus, answers, layout, &buffer, body)
      return
    }
    let note: String
    if answers.subscription.state == .draft {
      note =
        "Draft: Undo Add Installed Item (UNDOADDINSTITEM) puts the item back as if it had "
        + "never been added."
    } else {
      let home = answers.book.returnWarehouse.map { "\($0.code) \($0.name)" } ?? "no warehouse"
      note =
        "Rented: back to \(home) (Stock In). Sold: stays with the Subscriber's "
        + "Accounts Receivable. Bundles go whole; components alone."
    }
    _ = buffer.putWrapped(
      note, in: Rect(x: body.x + 1, y: body.maxY - 2, width: body.width - 2, height: 2),
      style: .hint)
  }

  /// The Installed Items Components section of a swap (seed 001): the highlighted bundle's
  /// components, one checked for Swap Component.
  static func components(
    _ focus: Control?, _ answers: SubscriptionActionAnswers, _ layout: StepLayout<Control>,
    _ buffer: inout Buffer, _ body: Rect
  ) {
    guard let bundle = answers.highlighted, !answers.components.isEmpty else { return }
    let rect = SubscriptionActionLayout.swapRows(body, items: answers.items.count).components
    let hint =
      answers.isComponentSwap
      ? "check the one to swap (Space)" : "choose Swap Component to swap one alone"
    buffer.put(
      "Installed Items Components", x: body.x + 1, y: rect.y - 1, style: .title, clip: body)
    buffer.put(
      "of \(bundle.serial): \(hint)", x: body.x + 28, y: rect.y - 1, style: .hint, clip: body)
    let widths = SubscriptionActionLayout.installedColumns(width: rect.width - 6)
    let rows = answers.components.map { part in
      (answers.checked.contains(part.serial) ? "[x] " : "[ ] ")
        + columns(
          [
            TextSafety.neutralised(part.serial), answers.book.productName(part.product),
            part.ownership.title,
          ], widths)
    }
    list(
      rows, cursor: answers.isComponentSwap ? answers.componentCursor : nil,
      focused: focus == .components, into: &buffer, in: rect)
  }

  /// The search field's label, the seed's words: a component swap searches for a component.
  static func searchLabel(_ answers: SubscriptionActionAnswers) -> String {
    answers.isComponentSwap ? "New Component Serial No." : "New Installed Item Serial No"
  }

  /// What the search retrieves, in words.
  static func scope(_ answers: SubscriptionActionAnswers) -> String {
    let definition =
      answers.book.activeDefinition?.code ?? "no Active Inventory Management Definition"
    if answers.action == .swap, answers.isBundleItem, !answers.isComponentSwap,
      let product = answers.wantedProduct
    {
      return "Fixed Product Bundle physical goods of \(product) under \(definition)"
    }
    let scope: String
    if answers.widened && answers.canWiden {
      scope = "Every model the rules allow"
    } else if let product = answers.wantedProduct {
      scope = "Only \(answers.book.productName(product)) (\(product)) items"
    } else {
      scope = "Items"
    }
    return "\(scope) in stock under \(definition)"
  }

  static func candidateRow(
    _ item: StockItem, _ book: SubscriptionBook, width: Int
  ) -> String {
    columns(
      candidateCells(item, book, wide: SubscriptionActionLayout.isWide(width)),
      SubscriptionActionLayout.candidateColumns(width: width))
  }

  /// The new items table's columns; a bundle's components have no title.
  static let candidateColumns = ["Serial", "Product", "Warehouse", ""]

  /// A new item's cells under `candidateColumns`, the warehouse's name only when it is wide.
  static func candidateCells(_ item: StockItem, _ book: SubscriptionBook, wide: Bool) -> [String] {
    let parts = book.stockComponents(of: item.serial).count
    var warehouse = item.warehouse
    if wide, let place = book.warehouse(item.warehouse) {
      warehouse += " " + TextSafety.neutralised(place.name)
    }
    return [
      TextSafety.neutralised(item.serial), book.productName(item.product), warehouse,
      parts > 0 ? "with \(parts) components" : "",
    ]
  }

  static func newItem(
    _ focus: Control?, _ answers: SubscriptionActionAnswers, _ layout: StepLayout<Control>,
    _ buffer: inout Buffer, _ body: Rect
  ) {
    buffer.put(searchLabel(answers), x: body.x + 1, y: body.y, style: .title, clip: body)
    answers.search.render(into: &buffer, in: layout.frame(.search), focused: focus == .search)
    buffer.put(
      "\(scope(answers)): \(answers.candidates.count) found",
      x: body.x + 1, y: body.y + 1, style: .hint, clip: body)
    let listRect = layout.frame(.candidates)
    let widths = SubscriptionActionLayout.candidateColumns(width: listRect.width - 2)
    buffer.put(
      "  " + columns(Array(candidateColumns.dropLast()), widths),
      x: body.x + 1, y: body.y + 2, style: .hint, clip: body)
    let rows = answers.candidates.map {
      candidateRow($0, answers.book, width: listRect.width - 2)
    }
    list(
      rows, cursor: answers.candidateCursor, focused: focus == .candidates, into: &buffer,
      in: listRect)
    if rows.isEmpty {
      buffer.put("Nothing found.", x: listRect.x + 2, y: listRect.y, style: .hint, clip: body)
    }
    if answers.action == .add {
      inline(
        "Ownership", answers.ownership, focused: focus == .ownership, into: &buffer,
        in: layout.frame(.ownership), clip: body)
    }
  }

  static func details(
    _ focus: Control?, _ answers: SubscriptionActionAnswers, _ layout: StepLayout<Control>,
    _ buffer: inout Buffer, _ body: Rect
  ) {
    let rows: [(String, String?)] = [
      ("Classification", answers.action.classificationCode(in: answers.subscription.state)),
      ("Performed by", nil), ("Performed date", nil),
      ("Scheduling", "This action cannot be scheduled."), ("Transaction reference", nil),
    ]
    let labelWidth = SubscriptionActionLayout.labelWidth
    for (index, row) in rows.enumerated() {
      let y = body.y + index
      buffer.put(row.0, x: body.x + 1, y: y, style: .title, clip: body)
      if let value = row.1 { buffer.put(value, x: body.x + labelWidth, y: y, clip: body) }
    }
    let fields: [(Control, TextField, String)] = [
      (.performedBy, answers.performedBy, "OS user \(answers.osUser) recorded too"),
      (.performedDate, answers.performedOn, "local, not in the future"),
      (.reference, answers.reference, "optional, unique"),
    ]
    for (control, field, note) in fields {
      let rect = layout.frame(control)
      field.render(into: &buffer, in: rect, focused: focus == control)
      buffer.put(note, x: rect.maxX + 1, y: rect.y, style: .hint, clip: body)
    }
    if let focus, let error = fields.first(where: { $0.0 == focus })?.1.error {
      buffer.put(error, x: body.x + labelWidth, y: body.y + 6, style: .error, clip: body)
    }
  }

  static let willChange = "What will change"
  static let validations = "Validations"
  static let allPass = "All validations pass."

  /// What will change, a line each (after the heading the preview draws as its title).
  static func changes(_ answers: SubscriptionActionAnswers, factPerLine: Bool = false) -> [String] {
    guard let change = answers.change else { return [] }
    return SubscriptionPreview.lines(
      change, action: answers.actionCode, book: answers.book, factPerLine: factPerLine
    ).dropFirst().map(TextSafety.neutralised)
  }

  static func preview(
    _ answers: SubscriptionActionAnswers, _ buffer: inout Buffer, _ body: Rect
  ) {
    var y = body.y
    buffer.put(willChange, x: body.x + 1, y: y, style: .title, clip: body)
    y += 1
    let inner = Rect(x: body.x + 1, y: 0, width: body.width - 2, height: 0)
    for line in changes(answers) {
      y += buffer.putWrapped(
        line, in: Rect(x: inner.x + 1, y: y, width: inner.width - 1, height: body.maxY - y))
    }
    guard y < body.maxY else { return }
    buffer.put(validations, x: body.x + 1, y: y, style: .title, clip: body)
    y += 1
    if answers.problems.isEmpty {
      buffer.put(allPass, x: inner.x + 1, y: y, style: .success, clip: body)
      return
    }
    for problem in answers.problems where y < body.maxY {
      y += buffer.putWrapped(
        "✗ " + TextSafety.neutralised(problem.message),
        in: Rect(x: inner.x + 1, y: y, width: inner.width - 1, height: body.maxY - y),
        style: .error)
    }
  }

  /// The preview as the line mode reads it: every fact of the information table and the
  /// subscription "Name: value" a line, what will change a line each, then the validations.
  static func previewLines(_ answers: SubscriptionActionAnswers) -> [String] {
    (facts(answers) + subscriptionFacts(answers)).map { "\($0.0): \($0.1)" }
      + [willChange + ":"] + changes(answers, factPerLine: true) + [validations + ":"]
      + (answers.problems.isEmpty
        ? [allPass] : answers.problems.map { "Fails: " + TextSafety.neutralised($0.message) })
  }
}

extension SubscriptionActionFlow.Step {
  /// Draws the step's areas in `body`, under the information table.
  func drawBody(
    focus: SubscriptionActionView.Control?, answers: SubscriptionActionAnswers,
    layout: StepLayout<SubscriptionActionView.Control>, into buffer: inout Buffer, body: Rect
  ) {
    switch self {
    case .item: SubscriptionActionView.item(focus, answers, layout, &buffer, body)
    case .newItem: SubscriptionActionView.newItem(focus, answers, layout, &buffer, body)
    case .details: SubscriptionActionView.details(focus, answers, layout, &buffer, body)
    case .preview: SubscriptionActionView.preview(answers, &buffer, body)
    }
  }
}

import StockroomDomain
import TerminalUI

/// How the subscription action modal draws each area, inside the wizard's frame.
enum SubscriptionActionView {
  static let labelWidth = 24

  /// The rows under the information table.
  static func bodyRect(_ rect: Rect) -> Rect {
    Rect(x: rect.x, y: rect.y + 4, width: rect.width, height: max(0, rect.height - 4))
  }

  static func searchRect(_ body: Rect) -> Rect {
    Rect(x: body.x + 31, y: body.y, width: 26, height: 1)
  }

  /// Where detail field `row` (0 performed by, 1 performed date, 2 reference) is.
  static func detailRect(_ body: Rect, row: Int) -> Rect {
    let line = [1, 2, 4][min(max(0, row), 2)]
    let width = [22, 19, 32][min(max(0, row), 2)]
    return Rect(x: body.x + labelWidth, y: body.y + line, width: width, height: 1)
  }

  /// The information table and the subscription line; returns the rect below them.
  static func header(
    answers: SubscriptionActionAnswers, into buffer: inout Buffer, in rect: Rect
  ) -> Rect {
    let action = answers.action
    let state = answers.subscription.state
    let rows: [(String, String, String, String)] = [
      (
        "Action can be scheduled", action.canBeScheduled ? "Yes" : "No", "Behaviour Code",
        action.behaviourCode(in: state)
      ),
      (
        "Preview Rate Available", action.previewRateAvailable ? "Yes" : "No",
        "Business Classification Code", action.classificationCode
      ),
    ]
    for (index, row) in rows.enumerated() {
      let y = rect.y + index
      buffer.put(row.0, x: rect.x + 1, y: y, style: .title, clip: rect)
      buffer.put(row.1, x: rect.x + 25, y: y, clip: rect)
      buffer.put(row.2, x: rect.x + 29, y: y, style: .title, clip: rect)
      buffer.put(row.3, x: rect.x + 58, y: y, clip: rect)
    }
    let subscription = answers.subscription
    let owner = answers.book.receivable(subscription.receivable)
    let line =
      "\(subscription.number) · \(subscription.state.title) · \(subscription.receivable) "
      + TextSafety.neutralised(owner?.name ?? "") + " (\(owner?.state.title ?? "unknown"))"
    buffer.put(line, x: rect.x + 1, y: rect.y + 2, style: .hint, clip: rect)
    buffer.put(
      String(repeating: Box.horizontal, count: max(0, rect.width)), x: rect.x, y: rect.y + 3,
      style: .frame, clip: rect)
    return bodyRect(rect)
  }

  /// A radio group drawn on one line after its label.
  static func inline(
    _ label: String, _ group: RadioGroup, focused: Bool, note: String? = nil,
    into buffer: inout Buffer, x: Int, y: Int, clip: Rect
  ) {
    buffer.put(label, x: x, y: y, style: .title, clip: clip)
    var column = x + 10
    if let note {
      buffer.put(note, x: column, y: y, style: .hint, clip: clip)
      return
    }
    for (index, option) in group.options.enumerated() {
      let text = (index == group.selected ? "(•) " : "( ) ") + option.label
      let end = buffer.put(text, x: column, y: y, clip: clip)
      if focused && index == group.highlighted {
        buffer.restyle(Rect(x: column, y: y, width: end - column, height: 1)) {
          $0.reverse = true
        }
      }
      column = end + 2
    }
  }

  /// A list of rows with a cursor, scrolled to keep the cursor in view.
  static func list(
    _ rows: [String], cursor: Int, focused: Bool, into buffer: inout Buffer, in rect: Rect
  ) {
    guard rect.height > 0 else { return }
    let top = max(0, min(cursor - rect.height + 1, rows.count - rect.height))
    for (line, index) in (top..<min(rows.count, top + rect.height)).enumerated() {
      let selected = index == cursor
      let text = (selected ? "> " : "  ") + rows[index]
      let row = rect.row(line)
      buffer.put(TextLayout.pad(text, to: row.width), x: row.x, y: row.y, clip: row)
      if selected && focused { buffer.restyle(row) { $0.reverse = true } }
    }
    if rows.count > rect.height {
      let more = "\(cursor + 1)/\(rows.count)"
      buffer.put(
        more, x: rect.maxX - more.count, y: rect.y - 1, style: .hint, clip: rect.inset(by: -1))
    }
  }

  static func itemRow(_ item: InstalledItem, _ book: SubscriptionBook) -> String {
    let serial = (item.bundle == nil ? "" : "  ") + TextSafety.neutralised(item.serial)
    let bundle = item.bundle.map { "component of \($0)" } ?? ""
    return TextLayout.pad(serial, to: 13) + TextLayout.pad(book.productName(item.product), to: 20)
      + TextLayout.pad(item.ownership.title, to: 10) + bundle
  }

  static func item(
    _ focus: Int?, _ answers: SubscriptionActionAnswers, _ buffer: inout Buffer, _ body: Rect
  ) {
    buffer.put("Installed item", x: body.x + 1, y: body.y, style: .title, clip: body)
    buffer.put(
      "  " + TextLayout.pad("Serial", to: 13) + TextLayout.pad("Product", to: 20) + "Ownership",
      x: body.x + 1, y: body.y + 1, style: .hint, clip: body)
    let extra = answers.action == .swap ? 3 : 3
    let listRect = Rect(
      x: body.x + 1, y: body.y + 2, width: body.width - 2, height: body.height - 2 - extra)
    list(
      answers.items.map { itemRow($0, answers.book) }, cursor: answers.itemCursor,
      focused: focus == 0, into: &buffer, in: listRect)
    if answers.items.isEmpty {
      buffer.put("No installed items.", x: listRect.x + 2, y: listRect.y, style: .hint)
    }
    let y = body.maxY - 2
    if answers.action == .swap {
      inline(
        "Reason", answers.reason, focused: focus == 1, into: &buffer, x: body.x + 1, y: y,
        clip: body)
      inline(
        "Swap", answers.mode, focused: focus == 2,
        note: answers.isBundleItem ? nil : "Not a Fixed Product Bundle item",
        into: &buffer, x: body.x + 1, y: y + 1, clip: body)
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
        "A rented item goes back to \(home) (Stock In); a sold item stays with the "
        + "customer's AR. A bundle goes with its components."
    }
    _ = buffer.putWrapped(
      note, in: Rect(x: body.x + 1, y: y, width: body.width - 2, height: 2), style: .hint)
  }

  static func newItem(
    _ focus: Int?, _ answers: SubscriptionActionAnswers, _ buffer: inout Buffer, _ body: Rect
  ) {
    let label =
      answers.action == .swap && answers.chosenMode == .component && answers.isBundleItem
      ? "New Component Serial No." : "New Installed Item Serial No."
    buffer.put(label, x: body.x + 1, y: body.y, style: .title, clip: body)
    answers.search.render(into: &buffer, in: searchRect(body), focused: focus == 0)
    let scope: String
    if let product = answers.wantedProduct {
      scope = "Only \(answers.book.productName(product)) (\(product)) items"
    } else {
      scope = "Items"
    }
    let definition = answers.book.activeDefinition?.code ?? "no Active definition"
    buffer.put(
      "\(scope) in stock under \(definition): \(answers.candidates.count) found",
      x: body.x + 1, y: body.y + 1, style: .hint, clip: body)
    buffer.put(
      "  " + TextLayout.pad("Serial", to: 13) + TextLayout.pad("Product", to: 20) + "Warehouse",
      x: body.x + 1, y: body.y + 2, style: .hint, clip: body)
    let reserve = answers.action == .add ? 2 : 0
    let listRect = Rect(
      x: body.x + 1, y: body.y + 3, width: body.width - 2, height: body.height - 3 - reserve)
    let rows = answers.candidates.map { item in
      let parts = answers.book.stockComponents(of: item.serial).count
      return TextLayout.pad(TextSafety.neutralised(item.serial), to: 13)
        + TextLayout.pad(answers.book.productName(item.product), to: 20)
        + TextLayout.pad(item.warehouse, to: 12) + (parts > 0 ? "with \(parts) components" : "")
    }
    list(rows, cursor: answers.candidateCursor, focused: focus == 1, into: &buffer, in: listRect)
    if rows.isEmpty {
      buffer.put("Nothing found.", x: listRect.x + 2, y: listRect.y, style: .hint, clip: body)
    }
    if answers.action == .add {
      inline(
        "Ownership", answers.ownership, focused: focus == 2, into: &buffer, x: body.x + 1,
        y: body.maxY - 1, clip: body)
    }
  }

  static func details(
    _ focus: Int?, _ answers: SubscriptionActionAnswers, _ buffer: inout Buffer, _ body: Rect
  ) {
    let rows: [(String, String?)] = [
      ("Classification", answers.action.classificationCode),
      ("Performed by", nil), ("Performed date", nil),
      ("Scheduling", "This action cannot be scheduled."), ("Transaction reference", nil),
    ]
    for (index, row) in rows.enumerated() {
      let y = body.y + index
      buffer.put(row.0, x: body.x + 1, y: y, style: .title, clip: body)
      if let value = row.1 { buffer.put(value, x: body.x + labelWidth, y: y, clip: body) }
    }
    let fields = [answers.performedBy, answers.performedOn, answers.reference]
    let notes = [
      "OS user \(answers.osUser) recorded too", "local, not in the future",
      "optional, unique",
    ]
    for index in 0..<3 {
      let rect = detailRect(body, row: index)
      fields[index].render(into: &buffer, in: rect, focused: focus == index)
      buffer.put(notes[index], x: rect.maxX + 1, y: rect.y, style: .hint, clip: body)
    }
    if let focus, focus < 3, let error = fields[focus].error {
      buffer.put(error, x: body.x + labelWidth, y: body.y + 6, style: .error, clip: body)
    }
  }

  static func preview(
    _ answers: SubscriptionActionAnswers, _ buffer: inout Buffer, _ body: Rect
  ) {
    var y = body.y
    buffer.put("What will change", x: body.x + 1, y: y, style: .title, clip: body)
    y += 1
    let inner = Rect(x: body.x + 1, y: 0, width: body.width - 2, height: 0)
    if let change = answers.change {
      let lines = SubscriptionPreview.lines(change, action: answers.actionCode, book: answers.book)
      for line in lines.dropFirst() {
        y += buffer.putWrapped(
          TextSafety.neutralised(line),
          in: Rect(x: inner.x + 1, y: y, width: inner.width - 1, height: body.maxY - y))
      }
    }
    guard y < body.maxY else { return }
    buffer.put("Validations", x: body.x + 1, y: y, style: .title, clip: body)
    y += 1
    if answers.problems.isEmpty {
      buffer.put("All validations pass.", x: inner.x + 1, y: y, style: .success, clip: body)
      return
    }
    for problem in answers.problems where y < body.maxY {
      y += buffer.putWrapped(
        "✗ " + TextSafety.neutralised(problem),
        in: Rect(x: inner.x + 1, y: y, width: inner.width - 1, height: body.maxY - y),
        style: .error)
    }
  }

  static func result(
    _ outcome: CommitOutcome, _ answers: SubscriptionActionAnswers, _ buffer: inout Buffer,
    _ rect: Rect
  ) {
    let inner = Rect(x: rect.x + 1, y: rect.y, width: rect.width - 2, height: rect.height)
    switch outcome {
    case .committed(let id):
      buffer.put(
        "\(answers.actionCode.title) done. Transaction ID \(id)", x: inner.x, y: inner.y,
        style: .success, clip: inner)
      buffer.put("System processing", x: inner.x, y: inner.y + 2, style: .title, clip: inner)
      var y = inner.y + 3
      for step in answers.change?.steps ?? [] where y < inner.maxY - 2 {
        y += buffer.putWrapped(
          "· " + TextSafety.neutralised(step),
          in: Rect(x: inner.x + 1, y: y, width: inner.width - 1, height: inner.maxY - 2 - y))
      }
      buffer.put(
        "Enter opens the subscription history · Esc goes back", x: inner.x, y: inner.maxY - 1,
        style: .hint, clip: inner)
    case .refused(let why), .conflict(let why):
      buffer.put("Nothing was written.", x: inner.x, y: inner.y, style: .error, clip: inner)
      _ = buffer.putWrapped(
        why, in: Rect(x: inner.x, y: inner.y + 2, width: inner.width, height: 6), style: .error)
    }
  }
}

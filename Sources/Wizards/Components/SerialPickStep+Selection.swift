import StockroomDomain
import TerminalUI

/// Choosing many serials at once on the pick list: a typed range, a pasted
/// list, a file, each shown as a preview before anything moves; and undoing
/// the last move into the right list (a scan, a range, a paste).
extension SerialPickStep {
  /// Handles a selection key; nil when the key is not one.
  mutating func updateSelection(control: Control, key: Key, state: InventoryState) -> KeyResult? {
    guard let list = pickList else { return nil }
    if let preview {
      switch key {
      case .enter, .character("y"), .character("Y"): apply(preview)
      case .escape, .character("n"), .character("N"):
        self.preview = nil
        scanNotice = StatusLine("Nothing moved.")
      default: break
      }
      return .handled
    }
    if var prompt = filePrompt {
      switch key {
      case .escape:
        filePrompt = nil
        return .handled
      case .enter:
        fileRequest = prompt.request()
      default:
        _ = prompt.update(key)
      }
      filePrompt = prompt
      return .handled
    }
    switch key {
    case .control("z"):
      undo()
      return .handled
    case .control("o") where filesAllowed:
      filePrompt = SerialFilePrompt()
      return .handled
    case .paste(let text):
      return pasted(text, control: control, state: state)
    default:
      return nil
    }
  }

  /// The file the prompt asked for, read by the runtime: its serials become a
  /// preview, or the prompt says why they cannot.
  mutating func fileRead(_ read: FileRead, state: InventoryState) {
    guard var prompt = filePrompt, let list = pickList else { return }
    guard let loaded = prompt.loaded(read) else {
      filePrompt = prompt
      return
    }
    filePrompt = nil
    preview = makePreview(
      source: "File \(TextSafety.neutralised(loaded.name))", serials: loaded.serials,
      list: list, state: state)
  }

  /// The file the prompt asked to read on the last key, taken.
  mutating func takeFileRequest() -> FileRequest? {
    defer { fileRequest = nil }
    return fileRequest
  }

  private func makePreview(
    source: String, serials: [String], list: PickList, state: InventoryState
  ) -> SerialPreview {
    var preview = SerialPreview.make(source: source, serials: serials, list: list, state: state)
    preview.target = words.right
    preview.foreign = words.foreign
    return preview
  }

  /// A paste of several serials (or any paste on a list) becomes a preview;
  /// one serial pasted into the scan field or a filter stays text there.
  private mutating func pasted(_ text: String, control: Control, state: InventoryState)
    -> KeyResult?
  {
    if text.utf8.count > SerialListInput.pasteLimit {
      scanNotice = StatusLine(
        "That paste is over 1 MiB: nothing moved."
          + (filesAllowed ? " Load it as a file instead (Ctrl-O)." : ""),
        kind: .error)
      return .handled
    }
    let serials = SerialListInput.serials(in: text)
    let editing = pickList?.isEditingFilter ?? false
    let onList = (control == .left || control == .right) && !editing
    guard let list = pickList, serials.count > 1 || (onList && serials.count == 1) else {
      return nil
    }
    preview = makePreview(source: "Paste", serials: serials, list: list, state: state)
    return .handled
  }

  /// A range typed in the scan field becomes a preview; false for a serial.
  mutating func rangeEntered(_ text: String) -> Bool {
    guard let range = SerialListInput.range(text), let list = pickList else { return false }
    var preview = SerialPreview.range(first: range.first, last: range.last, list: list)
    preview.target = words.right
    self.preview = preview
    return true
  }

  /// Moves what the preview matched and remembers it for undo.
  private mutating func apply(_ preview: SerialPreview) {
    self.preview = nil
    guard var list = pickList else { return }
    pickList = nil
    let moved = list.moveToRight(preview.matched)
    pickList = list
    rememberMove(moved)
    scanNotice = StatusLine(
      "\(SerialPreview.count(moved.count)) serials moved to \(words.right). Ctrl-Z undoes.",
      kind: .success)
  }

  /// Moves the last batch moved into the right list back to the left one.
  mutating func undo() {
    guard let batch = undoBatches.popLast(), var list = pickList else {
      scanNotice = StatusLine("Nothing to undo.")
      return
    }
    pickList = nil
    let back = list.moveToLeft(batch)
    pickList = list
    let what =
      back.count == 1
      ? TextSafety.neutralised(list.items[Int(back[0])])
      : "\(SerialPreview.count(back.count)) serials"
    scanNotice = StatusLine("Undone: \(what) back in \(words.left).", kind: .success)
  }

  /// The preview or file prompt over the pick list, if one is open; returns
  /// where the cursor goes (the file prompt's field).
  func renderSelection(into buffer: inout Buffer, in area: Rect) -> Point? {
    if let prompt = filePrompt { return prompt.render(into: &buffer, in: area) }
    guard let preview else { return nil }
    let lines = preview.lines
    let box = Rect(
      x: area.x + 2, y: area.y + 2, width: area.width - 4, height: lines.count + 5)
    buffer.fill(box)
    let title = "\(preview.source): \(SerialPreview.count(preview.given)) serials"
    Box.draw(into: &buffer, box, title: title)
    let inner = box.inset(by: 1)
    for (index, line) in lines.enumerated() {
      buffer.put(
        line, x: inner.x + 1, y: inner.y + 1 + index, style: index == 0 ? .title : .plain,
        clip: inner)
    }
    let keys =
      preview.matched.isEmpty
      ? "Nothing to move.  Esc close"
      : "Enter move \(SerialPreview.count(preview.matched.count))  Esc cancel"
    buffer.put(keys, x: inner.x + 1, y: inner.maxY - 1, style: .legend, clip: inner)
    return nil
  }
}

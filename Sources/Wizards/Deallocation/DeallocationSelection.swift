import StockroomDomain
import TerminalUI

/// Choosing many serials at once on the hardware pick list: a typed range,
/// a pasted list, a file, each shown as a preview before anything moves;
/// and undoing the last move into Deallocate (a scan, a range, a paste).
extension DeallocationFlow {
  /// Keys the selection handles whatever has focus once the list is there.
  func takesSelectionKey(_ key: Key, answers: DeallocationAnswers) -> Bool {
    guard isHardware, answers.pickList != nil else { return false }
    if answers.preview != nil || answers.filePrompt != nil { return true }
    return key == .control("z") || key == .control("o")
  }

  /// Handles a selection key; nil when the key is not one.
  func updateSelection(
    focus: Int, key: Key, answers: inout DeallocationAnswers, context: AppContext
  ) -> KeyResult? {
    guard answers.pickList != nil else { return nil }
    if let preview = answers.preview {
      switch key {
      case .enter, .character("y"), .character("Y"): apply(preview, answers: &answers)
      case .escape, .character("n"), .character("N"):
        answers.preview = nil
        answers.scanNotice = StatusLine("Nothing moved.")
      default: break
      }
      return .handled
    }
    if var prompt = answers.filePrompt {
      switch key {
      case .escape:
        answers.filePrompt = nil
        return .handled
      case .enter:
        if let loaded = prompt.load(), let list = answers.pickList {
          answers.filePrompt = nil
          answers.preview = SerialPreview.make(
            source: "File \(TextSafety.neutralised(loaded.name))", serials: loaded.serials,
            list: list, state: context.state)
          return .handled
        }
      default:
        _ = prompt.update(key)
      }
      answers.filePrompt = prompt
      return .handled
    }
    switch key {
    case .control("z"):
      undo(&answers)
      return .handled
    case .control("o"):
      answers.filePrompt = SerialFilePrompt()
      return .handled
    case .paste(let text):
      return pasted(text, focus: focus, answers: &answers, state: context.state)
    default:
      return nil
    }
  }

  /// A paste of several serials (or any paste on a list) becomes a preview;
  /// one serial pasted into the scan field or a filter stays text there.
  private func pasted(
    _ text: String, focus: Int, answers: inout DeallocationAnswers, state: InventoryState
  ) -> KeyResult? {
    if text.utf8.count > SerialListInput.pasteLimit {
      answers.scanNotice = StatusLine(
        "That paste is over 1 MiB: nothing moved. Load it as a file instead (Ctrl-O).",
        kind: .error)
      return .handled
    }
    let serials = SerialListInput.serials(in: text)
    let editing = answers.pickList?.isEditingFilter ?? false
    let onList = focus >= 3 && !editing
    guard let list = answers.pickList, serials.count > 1 || (onList && serials.count == 1) else {
      return nil
    }
    answers.preview = SerialPreview.make(
      source: "Paste", serials: serials, list: list, state: state)
    return .handled
  }

  /// A range typed in the scan field becomes a preview; false for a serial.
  func rangeEntered(_ text: String, answers: inout DeallocationAnswers) -> Bool {
    guard let range = SerialListInput.range(text), let list = answers.pickList else {
      return false
    }
    answers.preview = SerialPreview.range(first: range.first, last: range.last, list: list)
    return true
  }

  /// Moves what the preview matched and remembers it for undo.
  private func apply(_ preview: SerialPreview, answers: inout DeallocationAnswers) {
    answers.preview = nil
    guard var list = answers.pickList else { return }
    answers.pickList = nil
    let moved = list.moveToRight(preview.matched)
    answers.pickList = list
    answers.rememberMove(moved)
    answers.scanNotice = StatusLine(
      "\(SerialPreview.count(moved.count)) serials moved to Deallocate. Ctrl-Z undoes.",
      kind: .success)
  }

  /// Moves the last batch moved into Deallocate back to Allocated.
  func undo(_ answers: inout DeallocationAnswers) {
    guard let batch = answers.undoBatches.popLast(), var list = answers.pickList else {
      answers.scanNotice = StatusLine("Nothing to undo.")
      return
    }
    answers.pickList = nil
    let back = list.moveToLeft(batch)
    answers.pickList = list
    let what =
      back.count == 1
      ? TextSafety.neutralised(list.items[Int(back[0])])
      : "\(SerialPreview.count(back.count)) serials"
    answers.scanNotice = StatusLine("Undone: \(what) back in Allocated.", kind: .success)
  }

  /// The preview or file prompt over the pick list, if one is open; returns
  /// where the cursor goes (the file prompt's field).
  func viewSelection(answers: DeallocationAnswers, into buffer: inout Buffer, in area: Rect)
    -> Point?
  {
    if let prompt = answers.filePrompt { return prompt.render(into: &buffer, in: area) }
    guard let preview = answers.preview else { return nil }
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

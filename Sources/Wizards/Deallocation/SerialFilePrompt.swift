import Foundation
import StockroomDomain
import TerminalUI

/// The wizard's "load a file" prompt: the path of a serial list or an RMA
/// manifest (CSV) and, optionally, its serial column (name or number). Enter
/// asks the runtime to read it; its serials get the same preview a paste gets.
public struct SerialFilePrompt: Sendable {
  public internal(set) var path = TextField(width: 44, maxLength: 1_024)
  public internal(set) var column = TextField(width: 16, maxLength: 64)
  /// The prompt's two fields.
  public enum Field: Hashable, Sendable { case path, column }

  public internal(set) var focus = Field.path
  /// The box's title: what the file is for.
  public internal(set) var title = "Load serials from a file"
  /// Why the last Enter could not read the file.
  public internal(set) var problem: String?

  /// Enter: the file to ask the runtime for, or nil with `problem` set.
  mutating func request() -> FileRequest? {
    let typed = path.text.trimmingCharacters(in: .whitespaces)
    guard !typed.isEmpty else {
      problem = "Type the path of a file of serials."
      return nil
    }
    return FileRequest(path: typed)
  }

  /// The column typed (name or number), nil when left empty.
  var columnName: String? {
    let wanted = column.text.trimmingCharacters(in: .whitespaces)
    return wanted.isEmpty ? nil : wanted
  }

  /// The text of the file the runtime read, or nil with `problem` set.
  mutating func text(of read: FileRead) -> String? {
    let typed = TextSafety.neutralised(read.request.path)
    switch read.contents {
    case .success(let bytes):
      return String(decoding: bytes, as: UTF8.self)
    case .failure(.unreadable):
      problem = "Cannot read \(typed)."
    case .failure(.tooLarge(let limit)):
      problem = "\(typed) is over \(limit >> 20) MiB."
    }
    return nil
  }

  /// The serials of the file the runtime read, or nil with `problem` set.
  mutating func loaded(_ read: FileRead) -> (name: String, serials: [String])? {
    guard let text = text(of: read) else { return nil }
    do {
      let serials = try SerialManifest.serials(
        in: text, column: columnName, csv: read.path.lowercased().hasSuffix(".csv"))
      problem = nil
      return (URL(fileURLWithPath: read.path).lastPathComponent, serials)
    } catch {
      problem = TextSafety.neutralised(error.description)
      return nil
    }
  }

  /// Tab and ↑↓ switch fields; other keys edit the focused one.
  mutating func update(_ key: Key) -> KeyResult {
    switch key {
    case .tab, .backTab, .up, .down:
      focus = focus == .path ? .column : .path
      return .handled
    default:
      problem = nil
      return focus == .path ? path.update(key) : column.update(key)
    }
  }

  /// The box over the pick list: the two fields, a note and the keys.
  func render(into buffer: inout Buffer, in area: Rect) -> Point? {
    let box = Rect(x: area.x + 2, y: area.y + 2, width: area.width - 4, height: 8)
    buffer.fill(box)
    Box.draw(into: &buffer, box, title: title)
    let x = box.x + 2
    buffer.put("File", x: x, y: box.y + 2, style: focus == .path ? .title : .plain)
    let pathRect = Rect(x: x + 8, y: box.y + 2, width: 46, height: 1)
    path.render(into: &buffer, in: pathRect, focused: focus == .path)
    buffer.put("Column", x: x, y: box.y + 3, style: focus == .column ? .title : .plain)
    let columnRect = Rect(x: x + 8, y: box.y + 3, width: 18, height: 1)
    column.render(into: &buffer, in: columnRect, focused: focus == .column)
    buffer.put(
      "name or number (optional)", x: x + 28, y: box.y + 3, style: .hint,
      clip: box.inset(by: 1))
    if let problem {
      buffer.put(problem, x: x, y: box.y + 5, style: .error, clip: box.inset(by: 1))
    } else {
      buffer.put(
        "One serial a line, or a CSV file with a header row.", x: x, y: box.y + 5,
        style: .hint, clip: box.inset(by: 1))
    }
    buffer.put("Enter preview  Tab field  Esc cancel", x: x, y: box.y + 6, style: .legend)
    return focus == .path
      ? path.cursorPosition(in: pathRect) : column.cursorPosition(in: columnRect)
  }
}

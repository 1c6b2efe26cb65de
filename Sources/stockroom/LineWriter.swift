import Foundation
import Wizards

#if canImport(Glibc)
  import Glibc
#endif

/// Writes the line mode's output: every line cleaned (no escape sequence or control
/// character, no box drawing) and wrapped at words to the terminal's width, asked each time
/// (TIOCGWINSZ on a terminal, else `COLUMNS`, else 80). ASCII only when the locale is not UTF-8.
struct LineWriter {
  var environment: [String: String]
  /// True when the locale's character set is not UTF-8: glyphs become ASCII stand-ins.
  let ascii: Bool

  init(environment: [String: String] = ProcessInfo.processInfo.environment) {
    self.environment = environment
    setlocale(LC_ALL, "")
    let codeset = String(cString: nl_langinfo(nl_item(CODESET))).uppercased()
    ascii = codeset != "UTF-8" && codeset != "UTF8"
  }

  /// The width lines are wrapped at.
  var width: Int {
    if isatty(1) == 1 {
      var size = winsize()
      if ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
    }
    if let columns = environment["COLUMNS"].flatMap(Int.init), columns > 0 { return columns }
    return 80
  }

  /// Writes `lines`, each wrapped.
  func write(_ lines: [String]) {
    let width = self.width
    var text = ""
    for line in lines {
      for wrapped in LineText.wrapped(line, width: width, ascii: ascii) { text += wrapped + "\n" }
    }
    send(text)
  }

  /// Writes the prompt the answer is typed after, without a newline; none when the answers
  /// come from a file or pipe (a scripted session's output stays one line a line).
  func prompt() {
    if isatty(0) == 1 { send("> ") }
  }

  private func send(_ text: String) {
    var bytes = Array(text.utf8)[...]
    while !bytes.isEmpty {
      let written = bytes.withUnsafeBytes { Glibc.write(1, $0.baseAddress, $0.count) }
      if written < 0 && errno == EINTR { continue }
      // The terminal is gone (a hang-up): what is left has nowhere to go.
      guard written > 0 else { return }
      bytes = bytes.dropFirst(written)
    }
  }
}

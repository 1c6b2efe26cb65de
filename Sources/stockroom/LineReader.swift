import Foundation
import Wizards

#if canImport(Glibc)
  import Glibc
#endif

/// Reads the line mode's answers from standard input, one a line, whether it is a terminal
/// (the terminal echoes and edits the line) or a file or pipe (a scripted session).
final class LineReader {
  /// What reading gave.
  enum Read: Equatable {
    /// An answer, without its line ending; control characters dropped.
    case line(String)
    /// A line that cannot be an answer, and why (the prompt is asked again).
    case refused(String)
    /// Standard input ended (Ctrl-D, a closed pipe, a dropped connection).
    case endOfInput
    /// `waiting` asked to stop (a demo session idle too long, a signal).
    case stopped
  }

  static let limit = LineBytes.limit
  private var pending: [UInt8] = []
  private var ended = false
  /// True while the rest of an overlong line is being dropped.
  private var dropping = false
  /// True when input ended because the terminal hung up (a dropped connection), not by
  /// Ctrl-D: the terminal says so in `poll`, a pipe's end does not count.
  private(set) var hungUp = false
  /// Asked at the start: a terminal that has hung up no longer answers `isatty`.
  private let fromTerminal = isatty(0) == 1

  /// The next line; `waiting` is asked about once a second while nothing arrives and ends
  /// the wait when it returns true.
  func next(waiting: () -> Bool = { false }) -> Read {
    while true {
      if let newline = pending.firstIndex(of: 10) {
        let bytes = Array(pending[..<newline])
        pending.removeSubrange(...newline)
        if dropping {
          dropping = false
          continue
        }
        return Self.read(bytes)
      }
      if dropping { pending.removeAll() }
      if pending.count > Self.limit * 4 {
        pending.removeAll()
        dropping = true
        return Self.tooLong
      }
      if ended {
        guard !pending.isEmpty, !dropping else { return .endOfInput }
        defer { pending.removeAll() }
        return Self.read(pending)
      }
      var poller = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
      let ready = poll(&poller, 1, 1_000)
      if ready == 0 || (ready < 0 && errno == EINTR) {
        if waiting() { return .stopped }
        continue
      }
      var chunk = [UInt8](repeating: 0, count: 4_096)
      let count = chunk.withUnsafeMutableBytes { Glibc.read(0, $0.baseAddress, $0.count) }
      if count < 0 && errno == EINTR {
        if waiting() { return .stopped }
        continue
      }
      if count <= 0 {
        ended = true
        let hangUp = poller.revents & Int16(POLLHUP) != 0 || (count < 0 && errno == EIO)
        hungUp = hangUp && fromTerminal
      } else {
        pending += chunk[..<count]
      }
    }
  }

  private static let tooLong = Read.refused(LineBytes.tooLong)

  private static func read(_ bytes: [UInt8]) -> Read {
    switch LineBytes.answer(bytes) {
    case .success(let answer): return .line(answer)
    case .failure(let refusal): return .refused(refusal.message)
    }
  }
}

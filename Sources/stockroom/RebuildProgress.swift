import Foundation

/// Shows how far a long pass over the store has got, on stderr, once it has taken long enough
/// to wonder about (half a second), and only when stderr is a terminal: scripts and tests read
/// stderr and never see it. One line, rewritten in place when the percentage changes.
final class RebuildProgress: @unchecked Sendable {
  private let what: String
  private let start = Date()
  private var shown = -1

  private init(_ what: String) { self.what = what }

  /// A rebuild of what opening needs, from the ledger ("no usable snapshot; rebuilding from
  /// the ledger: 40%").
  static func reporter(_ what: String = "no usable snapshot") -> @Sendable (Int, Int) -> Void {
    pass("\(what); rebuilding from the ledger") ?? { _, _ in }
  }

  /// A full pass (`verify`, `demo`, `repair`, `backup`): "stockroom: verify: checking the
  /// ledger: 40%"; nil when stderr is not a terminal.
  static func pass(_ what: String) -> (@Sendable (Int, Int) -> Void)? {
    guard isatty(2) != 0 else { return nil }
    let progress = RebuildProgress(what)
    return { done, total in progress.show(done, total) }
  }

  private func show(_ done: Int, _ total: Int) {
    guard total > 0, Date().timeIntervalSince(start) > 0.5 else { return }
    let percent = min(100, done * 100 / total)
    guard percent != shown else { return }
    shown = percent
    let line = "\rstockroom: \(what): \(percent)%" + (done >= total ? "\n" : "")
    FileHandle.standardError.write(Data(line.utf8))
  }
}

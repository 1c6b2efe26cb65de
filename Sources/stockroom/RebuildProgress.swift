import Foundation

/// Shows how far a rebuild from the ledger has got, on stderr, once it has
/// taken long enough to wonder about (half a second).
enum RebuildProgress {
  static func reporter(_ what: String = "no usable snapshot") -> @Sendable (Int, Int) -> Void {
    let start = Date()
    return { read, total in
      guard total > 0, Date().timeIntervalSince(start) > 0.5 else { return }
      let percent = min(100, read * 100 / total)
      let line = "\rstockroom: \(what); rebuilding from the ledger: \(percent)%"
      FileHandle.standardError.write(Data(line.utf8))
      if read >= total { FileHandle.standardError.write(Data("\n".utf8)) }
    }
  }
}

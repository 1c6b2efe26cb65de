import Foundation
import Glibc
import Wizards

/// Writes a report export into the data directory's `exports/` (created 0700): the file is
/// written 0600 under a temporary name, synced and renamed, so a reader never sees half.
enum ExportFile {
  static func write(_ export: ReportExport, into dataDirectory: URL) -> ReportExport.Outcome {
    let folder = dataDirectory.appendingPathComponent("exports")
    guard mkdir(folder.path, 0o700) == 0 || errno == EEXIST else {
      return .failed("cannot create \(folder.path): \(String(cString: strerror(errno)))")
    }
    let path = folder.appendingPathComponent(export.fileName).path
    let temporary = path + ".tmp"
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else {
      return .failed("cannot write \(path): \(String(cString: strerror(errno)))")
    }
    var bytes = Array(export.contents.utf8)
    var done = 0
    var failed = false
    while done < bytes.count {
      let wrote = bytes.withUnsafeMutableBytes {
        Glibc.write(descriptor, $0.baseAddress?.advanced(by: done), $0.count - done)
      }
      if wrote < 0 && errno == EINTR { continue }
      if wrote <= 0 {
        failed = true
        break
      }
      done += wrote
    }
    bytes.removeAll()
    if fsync(descriptor) != 0 { failed = true }
    close(descriptor)
    guard !failed, rename(temporary, path) == 0 else {
      unlink(temporary)
      return .failed("cannot write \(path): \(String(cString: strerror(errno)))")
    }
    return .written(path: path)
  }
}

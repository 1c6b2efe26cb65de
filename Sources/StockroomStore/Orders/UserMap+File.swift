import Foundation
import Glibc
import StockroomDomain

/// The user map as the file store keeps it: `users.tsv` in the data directory.
extension UserMap {
  /// The map of a data directory (empty when there is none).
  public static func load(directory: String) -> UserMap {
    guard let text = try? String(contentsOfFile: directory + "/" + fileName, encoding: .utf8)
    else { return UserMap() }
    return parse(text)
  }

  /// Writes the map atomically (a temporary file renamed over it).
  public func write(directory: String) throws(StoreError) {
    let path = directory + "/" + Self.fileName
    let temporary = path + ".tmp-\(getpid())"
    guard FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8)) else {
      throw .unavailable("\(temporary): cannot write")
    }
    if rename(temporary, path) != 0 {
      unlink(temporary)
      throw .unavailable("\(path): cannot write: \(String(cString: strerror(errno)))")
    }
  }
}

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

  /// Writes the map atomically, private as every file of the data directory.
  public func write(in directory: DataDirectory) throws(StoreError) {
    try directory.writeAtomically(Array(text.utf8), to: directory.file(Self.fileName))
  }
}

import Foundation

/// A file a screen asks the runtime to read: screens never open files themselves, so a
/// test can hand them any bytes and the executable decides how files are read.
public struct FileRequest: Hashable, Sendable {
  /// The path as the user typed it (`~` not yet expanded).
  public var path: String

  public init(path: String) { self.path = path }
}

/// What the runtime read for a `FileRequest`: the bytes, or why there are none.
public struct FileRead: Equatable, Sendable {
  /// Why a file could not be read.
  public enum Failure: Error, Equatable, Sendable {
    /// Missing, a folder, not permitted, or an I/O error.
    case unreadable
    /// Larger than the runtime reads (`limit` bytes).
    case tooLarge(limit: Int)
  }

  public var request: FileRequest
  /// The path that was read (`~` expanded), for the file's name and kind.
  public var path: String
  public var contents: Result<Data, Failure>

  public init(request: FileRequest, path: String, contents: Result<Data, Failure>) {
    self.request = request
    self.path = path
    self.contents = contents
  }

  /// The most the runtime reads from one file (64 MiB): millions of serials, and still a
  /// bounded amount of memory when the path names a device that never ends.
  public static let sizeLimit = 64 << 20
}

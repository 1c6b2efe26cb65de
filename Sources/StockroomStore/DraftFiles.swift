import Foundation
import Glibc

/// Where a user's drafts live: `<data dir>/drafts/<uid>/<id>.json`, the folder `0700` and
/// owned by the user, each file `0600`, written atomically (temporary file, fsync, rename,
/// folder fsync). Identifiers are 12 lower-case hex digits, so no name leads elsewhere.
public struct DraftFiles: Sendable {
  public let folder: String
  public let uid: uid_t
  /// Drafts larger than this are not read (a draft is keys, a few KiB).
  static let sizeLimit = 16 << 20

  /// True for a well-formed draft identifier.
  public static func isValidIdentifier(_ id: String) -> Bool {
    id.utf8.count == 12 && id.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
  }

  /// The drafts of `uid` in the data directory (checked as for the store); the folders are
  /// made when `create` is set.
  public init(
    dataDirectory url: URL, uid: uid_t = getuid(), create: Bool,
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) throws(StoreError) {
    let directory = try DataDirectory.prepare(url.path, create: false, environment: environment)
    let top = directory.file("drafts")
    folder = top + "/\(uid)"
    self.uid = uid
    if create {
      try Self.makeFolder(
        top, mode: directory.group == nil ? 0o700 : 0o2770, group: directory.group)
      try Self.makeFolder(folder, mode: 0o700, group: nil)
    }
    if POSIXFile.exists(folder) { try Self.check(folder, uid: uid) }
  }

  private static func makeFolder(_ path: String, mode: mode_t, group: gid_t?) throws(StoreError) {
    if mkdir(path, mode) == 0 {
      if let group { _ = chown(path, uid_t.max, group) }
      _ = chmod(path, mode)
      return
    }
    if errno != EEXIST { throw .unavailable("\(path): cannot create: \(POSIXFile.errnoText())") }
    var info = stat()
    guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
      throw .unavailable("\(path): not a directory")
    }
    if info.st_mode & S_IWOTH != 0 {
      throw .unavailable("\(path): writable by others; run chmod o-w on it")
    }
  }

  /// The user's folder must be a real directory of theirs that nobody else can enter.
  private static func check(_ path: String, uid: uid_t) throws(StoreError) {
    var info = stat()
    guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
      throw .unavailable("\(path): not a directory")
    }
    if info.st_uid != uid {
      throw .unavailable("\(path): belongs to uid \(info.st_uid), not to uid \(uid)")
    }
    if info.st_mode & 0o077 != 0 { _ = chmod(path, 0o700) }
  }

  private func path(_ id: String) throws(StoreError) -> String {
    guard Self.isValidIdentifier(id) else {
      throw .unavailable("not a draft identifier: \(id.prefix(40))")
    }
    return folder + "/" + id + ".json"
  }

  /// Every readable draft file: identifier and bytes, oldest name first.
  public func list() -> [(id: String, data: Data)] {
    guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
      return []
    }
    return entries.sorted().compactMap { name in
      guard name.hasSuffix(".json") else { return nil }
      let id = String(name.dropLast(5))
      guard Self.isValidIdentifier(id), let data = load(id: id) else { return nil }
      return (id, data)
    }
  }

  /// A draft's bytes, or nil when missing, not a regular file, or too large.
  public func load(id: String) -> Data? {
    guard let path = try? path(id) else { return nil }
    let fd = Glibc.open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    let file = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
    var info = stat()
    guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG,
      Int(info.st_size) <= Self.sizeLimit
    else { return nil }
    return try? file.readToEnd()
  }

  /// Writes a draft atomically and durably.
  public func save(id: String, data: Data) throws(StoreError) {
    let final = try path(id)
    let temporary = folder + "/." + id + ".tmp-\(getpid())"
    unlink(temporary)
    let file = try POSIXFile.open(
      temporary, flags: O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, mode: 0o600)
    _ = fchmod(file.fd, 0o600)
    do throws(StoreError) {
      var failure: StoreError?
      data.withUnsafeBytes { raw in
        do throws(StoreError) { try file.writeAll(raw) } catch { failure = error }
      }
      if let failure { throw failure }
      if let reason = file.sync() { throw .commitFailed("\(temporary): fsync failed: \(reason)") }
      if rename(temporary, final) != 0 {
        throw .commitFailed("\(final): cannot rename into place: \(POSIXFile.errnoText())")
      }
      _ = POSIXFile.syncDirectory(folder)
    } catch {
      unlink(temporary)
      throw error
    }
  }

  /// Deletes a draft; false when there was none.
  @discardableResult
  public func remove(id: String) throws(StoreError) -> Bool {
    let path = try path(id)
    if unlink(path) == 0 {
      _ = POSIXFile.syncDirectory(folder)
      return true
    }
    if errno == ENOENT { return false }
    throw .unavailable("\(path): cannot delete: \(POSIXFile.errnoText())")
  }
}

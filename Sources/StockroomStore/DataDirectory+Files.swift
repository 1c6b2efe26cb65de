import Foundation
import Glibc

/// How every file Stockroom writes in the data directory is made: private (`0600`, folders
/// `0700`) or shared with `STOCKROOM_GROUP` (`0660`, folders `2770`), whatever the umask.
extension DataDirectory {
  /// The group `STOCKROOM_GROUP` names; nil when unset, thrown when unknown.
  static func group(in environment: [String: String]) throws(StoreError) -> gid_t? {
    guard let name = environment["STOCKROOM_GROUP"], !name.isEmpty else { return nil }
    guard let entry = getgrnam(name) else {
      throw .unavailable("STOCKROOM_GROUP names an unknown group: \(name)")
    }
    return entry.pointee.gr_gid
  }

  /// The directory at `path` as a store already checked it: for the files beside the store
  /// (the outbox, receipts); an unknown group leaves them private.
  public static func beside(_ path: String, environment: [String: String]) -> DataDirectory {
    DataDirectory(path: path, group: (try? group(in: environment)) ?? nil)
  }

  /// The mode new folders get.
  var folderMode: mode_t { group == nil ? 0o700 : 0o2770 }

  /// Sets a new file's mode and group exactly (the umask does not decide).
  func adopt(descriptor fd: Int32) {
    _ = fchmod(fd, fileMode)
    if let group { _ = fchown(fd, uid_t.max, group) }
  }

  /// Makes a folder inside the directory when missing, with the folder mode; nil when done.
  func makeFolder(_ folder: String) -> String? {
    guard mkdir(folder, folderMode) == 0 else {
      return errno == EEXIST ? nil : "\(folder): cannot create: \(POSIXFile.errnoText())"
    }
    if let group { _ = chown(folder, uid_t.max, group) }
    _ = chmod(folder, folderMode)
    _ = POSIXFile.syncDirectory((folder as NSString).deletingLastPathComponent)
    return nil
  }

  /// Writes `bytes` to `final` atomically and durably: a temporary file beside it with the
  /// file mode, fsynced, renamed into place, the folder fsynced.
  func writeAtomically(_ bytes: [UInt8], to final: String) throws(StoreError) {
    let temporary = final + ".tmp-\(getpid())"
    do throws(StoreError) {
      let file = try POSIXFile.open(temporary, flags: O_WRONLY | O_CREAT | O_TRUNC)
      adopt(file)
      var failure: StoreError?
      bytes.withUnsafeBytes { raw in
        do throws(StoreError) { try file.writeAll(raw) } catch { failure = error }
      }
      if let failure { throw failure }
      if let reason = file.sync() { throw .unavailable("\(temporary): fsync failed: \(reason)") }
      if rename(temporary, final) != 0 {
        throw .unavailable("\(final): cannot write: \(POSIXFile.errnoText())")
      }
    } catch {
      unlink(temporary)
      throw error
    }
    _ = POSIXFile.syncDirectory((final as NSString).deletingLastPathComponent)
  }
}

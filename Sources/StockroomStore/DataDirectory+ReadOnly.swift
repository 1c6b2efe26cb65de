import Glibc

extension DataDirectory {
  /// Why the directory cannot be used. A read-only filesystem still serves readers (`create`
  /// false: verify, tokens, log); a writer is told plainly that nothing can be committed.
  static func refuseAccess(_ path: String, create: Bool) throws(StoreError) {
    let reason = errno
    if reason == EROFS {
      if !create && access(path, R_OK | X_OK) == 0 { return }
      throw .unavailable(
        "\(path) is on a read-only filesystem: nothing can be committed until it is writable "
          + "again (reading commands still work)")
    }
    throw .unavailable("\(path): \(POSIXFile.errnoText(reason))")
  }
}

import Glibc

/// A file descriptor with the few system calls durable storage needs, errors as messages.
final class POSIXFile {
  let fd: Int32
  let path: String

  private init(fd: Int32, path: String) {
    self.fd = fd
    self.path = path
  }

  deinit { close(fd) }

  /// Opens a file; `mode` applies when it is created (then set exactly, whatever the umask).
  static func open(_ path: String, flags: Int32, mode: mode_t = 0o600) throws(StoreError)
    -> POSIXFile
  {
    let fd = Glibc.open(path, flags | O_CLOEXEC, mode)
    if fd < 0 { throw .unavailable("\(path): cannot open: \(errnoText())") }
    return POSIXFile(fd: fd, path: path)
  }

  static func errnoText(_ code: Int32 = errno) -> String { String(cString: strerror(code)) }

  func size() throws(StoreError) -> Int {
    var info = stat()
    if fstat(fd, &info) != 0 { throw .unavailable("\(path): cannot stat: \(Self.errnoText())") }
    return Int(info.st_size)
  }

  /// Reads `count` bytes at `offset` (fewer at the end of the file).
  func read(at offset: Int, count: Int) throws(StoreError) -> [UInt8] {
    var buffer = [UInt8](repeating: 0, count: count)
    var done = 0
    while done < count {
      let got = buffer.withUnsafeMutableBytes { raw in
        pread(fd, raw.baseAddress.map { $0 + done }, count - done, off_t(offset + done))
      }
      if got < 0 {
        if errno == EINTR { continue }
        throw .unavailable("\(path): cannot read at byte \(offset + done): \(Self.errnoText())")
      }
      if got == 0 { break }
      done += got
    }
    if done < count { buffer.removeLast(count - done) }
    return buffer
  }

  /// One write of all the bytes (O_APPEND); returns nil or the reason it failed or fell short.
  func appendOnce(_ bytes: [UInt8]) -> String? {
    if let injected = FaultInjection.failure(.write) { return partialWrite(bytes, injected) }
    var done = 0
    while done < bytes.count {
      let wrote = bytes.withUnsafeBytes { raw in
        Glibc.write(fd, raw.baseAddress.map { $0 + done }, bytes.count - done)
      }
      if wrote < 0 {
        if errno == EINTR { continue }
        return Self.errnoText()
      }
      if wrote == 0 { return "no space written" }
      done += wrote
    }
    return nil
  }

  /// Writes everything at the current position (files being built, not the ledger).
  func writeAll(_ bytes: UnsafeRawBufferPointer) throws(StoreError) {
    if let injected = FaultInjection.failure(.write) {
      throw .commitFailed("\(path): cannot write: \(injected)")
    }
    var done = 0
    while done < bytes.count {
      let wrote = Glibc.write(fd, bytes.baseAddress.map { $0 + done }, bytes.count - done)
      if wrote < 0 {
        if errno == EINTR { continue }
        throw .commitFailed("\(path): cannot write: \(Self.errnoText())")
      }
      done += wrote
    }
  }

  /// Writes everything at byte `offset` (files being built, not the ledger).
  func write(_ bytes: UnsafeRawBufferPointer, at offset: Int) throws(StoreError) {
    if let injected = FaultInjection.failure(.write) {
      throw .commitFailed("\(path): cannot write: \(injected)")
    }
    var done = 0
    while done < bytes.count {
      let wrote = pwrite(
        fd, bytes.baseAddress.map { $0 + done }, bytes.count - done, off_t(offset + done))
      if wrote < 0 {
        if errno == EINTR { continue }
        throw .commitFailed("\(path): cannot write: \(Self.errnoText())")
      }
      done += wrote
    }
  }

  /// Writes all of `bytes` at byte `offset`.
  func write(_ bytes: [UInt8], at offset: Int) throws(StoreError) {
    var failure: StoreError?
    bytes.withUnsafeBytes { raw in
      do throws(StoreError) { try write(raw, at: offset) } catch { failure = error }
    }
    if let failure { throw failure }
  }

  /// fsync; nil or the reason it failed.
  func sync() -> String? {
    FaultInjection.failure(.fsync) ?? (fsync(fd) == 0 ? nil : Self.errnoText())
  }

  func truncate(to length: Int) -> String? {
    ftruncate(fd, off_t(length)) == 0 ? nil : Self.errnoText()
  }

  func lockExclusive() throws(StoreError) {
    while flock(fd, LOCK_EX) != 0 {
      if errno == EINTR { continue }
      throw .unavailable("\(path): cannot lock: \(Self.errnoText())")
    }
  }

  func lockShared() throws(StoreError) {
    while flock(fd, LOCK_SH) != 0 {
      if errno == EINTR { continue }
      throw .unavailable("\(path): cannot lock: \(Self.errnoText())")
    }
  }

  func unlock() { _ = flock(fd, LOCK_UN) }

  /// fsyncs a directory so new names and renames in it are durable.
  static func syncDirectory(_ path: String) -> String? {
    let fd = Glibc.open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    if fd < 0 { return errnoText() }
    defer { close(fd) }
    return fsync(fd) == 0 ? nil : errnoText()
  }

  static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }
}

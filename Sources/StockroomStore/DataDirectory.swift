import Glibc

/// The data directory's rules: created private (0700, files 0600) or shared with the group
/// named by `STOCKROOM_GROUP`; never writable by others; never on a network filesystem unless
/// `STOCKROOM_ALLOW_NETWORK_FS=1`.
public struct DataDirectory: Sendable {
  public let path: String
  /// The group that shares the store, if any.
  public let group: gid_t?
  /// The mode new files get.
  public var fileMode: mode_t { group == nil ? 0o600 : 0o660 }

  /// Filesystem types whose locks and appends are not safe between hosts.
  static let networkFilesystems: Set<String> = [
    "nfs", "nfs4", "cifs", "smb3", "smbfs", "ncpfs", "afs", "ceph", "glusterfs", "9p", "lustre",
    "gfs2", "ocfs2", "davfs", "coda", "fuse.sshfs", "fuse.glusterfs", "fuse.s3fs", "fuse.rclone",
    "fuse.cephfs",
  ]

  /// Checks (and with `create`, makes) the directory.
  public static func prepare(
    _ path: String, create: Bool, environment: [String: String]
  ) throws(StoreError) -> DataDirectory {
    let group = try Self.group(in: environment)
    var info = stat()
    if stat(path, &info) != 0 {
      guard create, errno == ENOENT else {
        throw .unavailable("\(path): \(POSIXFile.errnoText())")
      }
      try makeDirectory(path, group: group)
      if stat(path, &info) != 0 {
        throw .unavailable("\(path): \(POSIXFile.errnoText())")
      }
    }
    guard (info.st_mode & S_IFMT) == S_IFDIR else {
      throw .unavailable("\(path): not a directory")
    }
    if info.st_mode & S_IWOTH != 0 {
      throw .unavailable(
        "\(path): the data directory is writable by others; run chmod o-w on it")
    }
    if access(path, R_OK | W_OK | X_OK) != 0 {
      try refuseAccess(path, create: create)
    }
    if environment["STOCKROOM_ALLOW_NETWORK_FS"] != "1", let type = filesystemType(of: path),
      networkFilesystems.contains(type)
    {
      throw .unavailable(
        "\(path) is on a network filesystem (\(type)); locks and appends are not safe there "
          + "(set STOCKROOM_ALLOW_NETWORK_FS=1 to use it anyway)")
    }
    return DataDirectory(path: path, group: group)
  }

  private static func makeDirectory(_ path: String, group: gid_t?) throws(StoreError) {
    var parent = path
    while parent.count > 1, parent.hasSuffix("/") { parent.removeLast() }
    if let slash = parent.lastIndex(of: "/"), slash != parent.startIndex {
      let up = String(parent[..<slash])
      if !POSIXFile.exists(up) { try makeDirectory(up, group: nil) }
    }
    let mode = DataDirectory(path: path, group: group).folderMode
    if mkdir(path, mode) != 0 && errno != EEXIST {
      throw .unavailable("\(path): cannot create: \(POSIXFile.errnoText())")
    }
    if let group, chown(path, uid_t.max, group) != 0 {
      throw .unavailable("\(path): cannot give to the group: \(POSIXFile.errnoText())")
    }
    _ = chmod(path, mode)
  }

  /// Sets a new file's mode and group exactly (the umask does not decide).
  func adopt(_ file: POSIXFile) { adopt(descriptor: file.fd) }

  func file(_ name: String) -> String { path + "/" + name }

  /// The filesystem type holding `path`, from /proc/self/mountinfo (longest mount prefix).
  static func filesystemType(of path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    let real = String(cString: resolved)
    free(resolved)
    guard let handle = fopen("/proc/self/mountinfo", "r") else { return nil }
    defer { fclose(handle) }
    var best: (length: Int, type: String)?
    var line: UnsafeMutablePointer<CChar>?
    var capacity = 0
    while getline(&line, &capacity, handle) > 0 {
      guard let line else { break }
      let text = String(cString: line)
      let halves = text.split(separator: " - ", maxSplits: 1)
      guard halves.count == 2 else { continue }
      let fields = halves[0].split(separator: " ")
      let tail = halves[1].split(separator: " ")
      guard fields.count >= 5, let type = tail.first else { continue }
      let mount = String(fields[4]).replacingOctalEscapes()
      let inside = mount == "/" || real == mount || real.hasPrefix(mount + "/")
      if inside, mount.count >= (best?.length ?? -1) {
        best = (mount.count, String(type))
      }
    }
    free(line)
    return best?.type
  }
}

extension String {
  /// Undoes mountinfo's `\040`-style escapes.
  fileprivate func replacingOctalEscapes() -> String {
    guard contains("\\") else { return self }
    var bytes: [UInt8] = []
    let source = Array(utf8)
    var index = 0
    while index < source.count {
      if source[index] == UInt8(ascii: "\\"), index + 3 < source.count,
        let value = UInt8(
          String(decoding: source[(index + 1)...(index + 3)], as: UTF8.self), radix: 8)
      {
        bytes.append(value)
        index += 4
      } else {
        bytes.append(source[index])
        index += 1
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}

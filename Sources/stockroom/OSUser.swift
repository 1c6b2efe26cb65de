import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Who runs this process: the real uid and its name from the password
/// database, not only `$USER` (which anyone can set).
struct OSUser {
  var name: String
  var uid: UInt32

  static var current: OSUser {
    let uid = getuid()
    if let entry = getpwuid(uid), let name = entry.pointee.pw_name {
      return OSUser(name: String(cString: name), uid: uid)
    }
    return OSUser(name: "uid \(uid)", uid: uid)
  }
}

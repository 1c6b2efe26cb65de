import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The line mode in a pseudo-terminal of its own (`TERM=dumb`, 80 columns): the built binary
/// as a session leader with the terminal as its controlling one, answers written as a user
/// types them (the terminal echoes them), everything it wrote kept to check.
final class LinePty {
  /// The terminal's other end; -1 once hung up, so no read reaches a number the system has
  /// since given to another test's file.
  private(set) var master: Int32
  let pid: pid_t
  /// Every byte read from the terminal so far (output and echo).
  private(set) var bytes: [UInt8] = []
  /// The lines typed: the terminal echoes them, and they are not Stockroom's output.
  private var typed: Set<String> = []
  static let columns = 80
  /// Linux's TIOCSPTLCK, TIOCGPTN and glibc's POSIX_SPAWN_SETSID.
  static let unlockRequest: UInt = 0x4004_5431
  static let numberRequest: UInt = 0x8004_5430
  static let spawnSetsid: Int32 = 0x80

  init(_ arguments: [String], environment: [String: String]) throws {
    // posix_openpt, unlockpt and ptsname by hand: Swift's Glibc module does not offer them.
    master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
    var unlock: Int32 = 0
    var number: UInt32 = 0
    guard master >= 0, ioctl(master, Self.unlockRequest, &unlock) == 0,
      ioctl(master, Self.numberRequest, &number) == 0
    else { throw E2EError("no pseudo-terminal") }
    let slave = "/dev/pts/\(number)"
    var size = winsize(ws_row: 24, ws_col: UInt16(Self.columns), ws_xpixel: 0, ws_ypixel: 0)
    _ = ioctl(master, UInt(TIOCSWINSZ), &size)
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    // Opened after setsid, the terminal becomes the child's controlling terminal.
    posix_spawn_file_actions_addopen(&actions, 0, slave, O_RDWR, 0)
    posix_spawn_file_actions_adddup2(&actions, 0, 1)
    posix_spawn_file_actions_adddup2(&actions, 0, 2)
    posix_spawn_file_actions_addclose(&actions, master)
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var emptyMask = sigset_t()
    sigemptyset(&emptyMask)
    var allSignals = sigset_t()
    sigfillset(&allSignals)
    posix_spawnattr_setsigmask(&attributes, &emptyMask)
    posix_spawnattr_setsigdefault(&attributes, &allSignals)
    posix_spawnattr_setflags(
      &attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | Self.spawnSetsid))
    var env = ProcessInfo.processInfo.environment
    for (key, value) in environment { env[key] = value }
    env["TERM"] = "dumb"
    env["COLUMNS"] = nil
    var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
    var envp: [UnsafeMutablePointer<CChar>?] = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      for pointer in argv { free(pointer) }
      for pointer in envp { free(pointer) }
    }
    var child: pid_t = 0
    guard posix_spawn(&child, arguments[0], &actions, &attributes, &argv, &envp) == 0 else {
      Glibc.close(master)
      throw E2EError("cannot start \(arguments[0])")
    }
    pid = child
  }

  /// Everything written so far as text, carriage returns dropped.
  var text: String {
    String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\r", with: "")
  }

  /// Types `line` and Enter.
  func send(_ line: String) {
    guard master >= 0 else { return }
    typed.formUnion(line.split(separator: "\n").map(String.init))
    let data = Array((line + "\n").utf8)
    _ = data.withUnsafeBytes { Glibc.write(master, $0.baseAddress, $0.count) }
  }

  /// Writes raw bytes, as a terminal that is not UTF-8 would send them.
  func send(bytes: [UInt8]) {
    guard master >= 0 else { return }
    _ = bytes.withUnsafeBytes { Glibc.write(master, $0.baseAddress, $0.count) }
  }

  /// Reads until the output after `offset` contains `wanted`; the text from `offset` on.
  @discardableResult
  func wait(for wanted: String, after offset: Int = 0, seconds: Double = 30) throws -> String {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
      let seen = String(text.dropFirst(offset))
      if seen.contains(wanted) { return seen }
      _ = readSome(milliseconds: 200)
    }
    let seen = String(text.dropFirst(offset))
    if seen.contains(wanted) { return seen }
    throw E2EError("waited for \(wanted.debugDescription); the line mode wrote:\n\(seen)")
  }

  /// Types `line` once the prompt `wanted` is shown after the last answer.
  func answer(_ line: String, when wanted: String) throws {
    try wait(for: wanted, after: mark)
    // Typed after the prompt, as a user would: the echo then follows "> ".
    let deadline = Date().addingTimeInterval(5)
    while !text.hasSuffix("> "), Date() < deadline { _ = readSome(milliseconds: 50) }
    mark = text.count
    send(line)
  }

  /// The number of the first row ("2 ACC-0002: Name Fabrikam Health, ...") containing
  /// `text`, of the list the last answer printed before `end`.
  func row(containing text: String, listedBefore end: String) throws -> String {
    let listed = try wait(for: end, after: mark)
    let line = listed.split(separator: "\n").first {
      $0.contains(text) && $0.first?.isNumber == true
    }
    guard let line else { throw E2EError("no row with \(text) in:\n\(listed)") }
    return String(line.prefix { $0.isNumber })
  }

  /// The Transaction ID of "Committed as T000167." after the last answer.
  func committed() throws -> String {
    let done = try wait(for: "Committed as T", after: mark)
    guard let said = done.range(of: "Committed as ") else { throw E2EError("no commit") }
    return String(done[said.upperBound...].prefix { $0.isLetter || $0.isNumber })
  }

  /// Where the output of the last answer begins.
  var mark = 0

  /// Reads what arrived within `milliseconds`; false when nothing did (or the other end closed).
  private func readSome(milliseconds: Int32) -> Bool {
    guard master >= 0 else {
      usleep(useconds_t(milliseconds) * 1_000)
      return false
    }
    var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
    guard poll(&poller, 1, milliseconds) > 0, poller.revents & Int16(POLLIN) != 0 else {
      return false
    }
    var chunk = [UInt8](repeating: 0, count: 4_096)
    let count = chunk.withUnsafeMutableBytes { Glibc.read(master, $0.baseAddress, $0.count) }
    guard count > 0 else { return false }
    bytes += chunk[..<count]
    return true
  }

  /// Waits for the program to end (reading what is left); its exit status (128 + a signal).
  func exitStatus(seconds: Double = 30) -> Int32 {
    let deadline = Date().addingTimeInterval(seconds)
    var status: Int32 = 0
    while Date() < deadline {
      _ = readSome(milliseconds: 100)
      let done = waitpid(pid, &status, WNOHANG)
      if done == pid {
        var reads = 0
        while reads < 100, readSome(milliseconds: 20) { reads += 1 }
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
      }
    }
    kill(pid, SIGKILL)
    return -1
  }

  /// Hangs up: the terminal's other end closes, as when a connection drops.
  func close() {
    guard master >= 0 else { return }
    Glibc.close(master)
    master = -1
  }

  deinit {
    close()
    var status: Int32 = 0
    if waitpid(pid, &status, WNOHANG) == 0 {
      kill(pid, SIGKILL)
      waitpid(pid, &status, 0)
    }
  }

  /// Lines of the output that break the line mode's rules: an ESC byte or a C1 control, or
  /// wider than the terminal.
  var brokenLines: [String] {
    var broken: [String] = []
    if bytes.contains(0x1B) { broken.append("an ESC byte") }
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.unicodeScalars.contains(where: { (0x80...0x9F).contains($0.value) }) {
        broken.append("C1 control: " + line.debugDescription)
      }
      let echoed = typed.contains { $0.count > Self.columns && line.contains($0) }
      if line.count > Self.columns, !echoed { broken.append("wider than \(Self.columns): \(line)") }
    }
    return broken
  }
}

import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// A real OpenSSH `sshd` on a random loopback port for the demo-session tests: a throwaway
/// host key, a throwaway client key for the current user (no account is created), and a
/// configuration whose Match block is what `stockroom ssh-setup` prints for that user.
final class SSHServer {
  static let sshdPath = ["/usr/sbin/sshd", "/usr/local/sbin/sshd", "/sbin/sshd"].first {
    FileManager.default.isExecutableFile(atPath: $0)
  }

  /// Whether the tests can run: sshd, ssh and ssh-keygen are installed. CI installs them and
  /// sets STOCKROOM_REQUIRE_SSHD=1, so there a missing server fails (in `init`) instead of
  /// skipping.
  static var available: Bool {
    if ProcessInfo.processInfo.environment["STOCKROOM_REQUIRE_SSHD"] == "1" { return true }
    return sshdPath != nil
      && ["/usr/bin/ssh", "/usr/bin/ssh-keygen"].allSatisfy {
        FileManager.default.isExecutableFile(atPath: $0)
      }
  }

  let directory: String
  let demoRoot: String
  let user: String
  private(set) var port = 0
  private var pid: pid_t = 0

  var keyPath: String { directory + "/client_key" }
  var logPath: String { directory + "/sshd.log" }

  /// Starts sshd. `settings` go before the Match block (e.g. `SetEnv`, `AcceptEnv`).
  init(
    demoRoot: String, idleTimeout: Int = 600, maxSessions: Int = 8, settings: [String] = []
  ) throws {
    directory = NSTemporaryDirectory() + "stockroom-sshd-\(getpid())-\(UUID().uuidString.prefix(8))"
    self.demoRoot = demoRoot
    guard let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name else {
      throw E2EError("no name for uid \(geteuid())")
    }
    user = String(cString: name)
    guard let sshd = SSHServer.sshdPath else {
      throw E2EError("sshd is not installed (apt-get install openssh-server)")
    }
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    for key in ["host_key", "client_key"] {
      let made = Spawn.run(
        ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "e2e", "-f", directory + "/" + key])
      guard made.status == 0 else { throw E2EError("ssh-keygen: \(made.output)") }
    }
    try FileManager.default.copyItem(
      atPath: directory + "/client_key.pub", toPath: directory + "/authorized_keys")
    // sshd running as root needs its privilege-separation directory.
    if geteuid() == 0 { mkdir("/run/sshd", 0o755) }
    let setup = Spawn.run([
      Binary.path, "ssh-setup", "--user", user, "--binary", Binary.path, "--demo-root", demoRoot,
      "--max-sessions", "\(maxSessions)", "--idle-timeout", "\(idleTimeout)",
    ])
    guard setup.status == 0, let match = setup.output.range(of: "Match User ") else {
      throw E2EError("ssh-setup failed: \(setup.output)")
    }
    let block = String(setup.output[match.lowerBound...])
    var lastLog = ""
    for _ in 0..<5 {
      port = Int.random(in: 20_000..<60_000)
      let config = [
        "Port \(port)", "ListenAddress 127.0.0.1", "HostKey \(directory)/host_key",
        "PidFile \(directory)/sshd.pid", "AuthorizedKeysFile \(directory)/authorized_keys",
        "UsePAM no", "StrictModes no", "PubkeyAuthentication yes", "PasswordAuthentication no",
        "KbdInteractiveAuthentication no", "PermitRootLogin prohibit-password",
        "AllowUsers \(user)", "LogLevel VERBOSE",
      ]
      let text = (config + settings).joined(separator: "\n") + "\n" + block
      try text.write(toFile: directory + "/sshd_config", atomically: true, encoding: .utf8)
      pid = try Spawn.start([sshd, "-D", "-e", "-f", directory + "/sshd_config"], output: logPath)
      let deadline = Date().addingTimeInterval(10)
      while Date() < deadline {
        lastLog = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
        if lastLog.contains("Server listening") { return }
        if Spawn.hasExited(pid) {
          pid = 0
          break
        }
        usleep(20_000)
      }
      stop()
      if !lastLog.contains("Address already in use") { break }
    }
    throw E2EError("sshd did not start:\n\(lastLog)")
  }

  deinit { stop() }

  /// The shell command a tmux pane runs: `ssh -tt` to the demo user, then the exit status.
  func sshCommand(remote: String? = nil, sendLang: Bool = false) -> String {
    var words = [
      "ssh", "-F", "/dev/null", "-tt", "-p", "\(port)", "-i", keyPath,
      "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
      "-o", "BatchMode=yes", "-o", "IdentitiesOnly=yes", "-o", "LogLevel=ERROR",
    ]
    if sendLang { words += ["-o", "SendEnv=LANG"] }
    words += ["--", "\(user)@127.0.0.1"]
    if let remote { words.append(remote) }
    return words.map(TmuxSession.quote).joined(separator: " ") + "; echo SSH-EXIT=$?"
  }

  /// The session directories under the demo root.
  var sessionDirectories: [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: demoRoot)) ?? [])
      .filter { $0.hasPrefix("session-") }.sorted().map { demoRoot + "/" + $0 }
  }

  /// Stockroom processes serving this demo root.
  var stockroomProcesses: [pid_t] {
    Processes.all.filter { process in
      process.arguments.first.map { $0.hasSuffix("stockroom") } == true
        && process.arguments.contains(demoRoot)
    }.map(\.pid)
  }

  func stop() {
    guard pid > 0 else { return }
    kill(pid, SIGTERM)
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    pid = 0
  }

  func remove() {
    stop()
    try? FileManager.default.removeItem(atPath: directory)
  }
}

extension Trait where Self == ConditionTrait {
  /// Skips the demo-session tests visibly when OpenSSH is missing (unless
  /// STOCKROOM_REQUIRE_SSHD=1): `Suite DemoSessionTests skipped: "needs sshd, ssh and ...`.
  static var needsSSHD: Self {
    .enabled(
      if: SSHServer.available,
      """
      needs sshd, ssh and ssh-keygen (apt-get install openssh-server openssh-client; \
      STOCKROOM_REQUIRE_SSHD=1 makes their absence a failure)
      """)
  }
}

/// The processes on this machine, read from /proc.
enum Processes {
  struct Entry {
    var pid: pid_t
    var parent: pid_t
    var state: Character
    var arguments: [String]
  }

  static var all: [Entry] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
    return names.compactMap { name in
      guard let pid = pid_t(name) else { return nil }
      return entry(pid)
    }
  }

  static func entry(_ pid: pid_t) -> Entry? {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
      let close = stat.lastIndex(of: ")")
    else { return nil }
    let fields = stat[stat.index(after: close)...].split(separator: " ")
    guard fields.count > 2, let state = fields[0].first, let parent = pid_t(fields[1]) else {
      return nil
    }
    let raw = (try? Data(contentsOf: URL(fileURLWithPath: "/proc/\(pid)/cmdline"))) ?? Data()
    let arguments = raw.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
    return Entry(pid: pid, parent: parent, state: state, arguments: arguments)
  }

  static func children(of parent: pid_t) -> [Entry] {
    all.filter { $0.parent == parent }
  }
}

extension Spawn {
  /// Starts a program in the background (stdin /dev/null, output to `output`) and returns its
  /// pid; the caller reaps it.
  static func start(_ arguments: [String], output: String) throws -> pid_t {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_adddup2(&actions, 1, 2)
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var emptyMask = sigset_t()
    sigemptyset(&emptyMask)
    var allSignals = sigset_t()
    sigfillset(&allSignals)
    posix_spawnattr_setsigmask(&attributes, &emptyMask)
    posix_spawnattr_setsigdefault(&attributes, &allSignals)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    let env = ProcessInfo.processInfo.environment.map { "\($0.key)=\($0.value)" }
    var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
    var envp: [UnsafeMutablePointer<CChar>?] = env.map { strdup($0) } + [nil]
    defer {
      for pointer in argv { free(pointer) }
      for pointer in envp { free(pointer) }
    }
    var pid: pid_t = 0
    let spawned = posix_spawnp(&pid, arguments[0], &actions, &attributes, &argv, &envp)
    guard spawned == 0 else {
      throw E2EError("cannot start \(arguments[0]): \(String(cString: strerror(spawned)))")
    }
    return pid
  }

  /// True once the child `pid` has ended (it is then reaped).
  static func hasExited(_ pid: pid_t) -> Bool {
    var status: Int32 = 0
    return waitpid(pid, &status, WNOHANG) == pid
  }
}

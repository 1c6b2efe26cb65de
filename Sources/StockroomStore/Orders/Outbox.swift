import Foundation
import Glibc
import StockroomDomain

/// The outbox maildir in the data directory (`outbox/{tmp,new,cur}`): every notification is
/// written to `tmp/` and renamed into `new/`, then handed to the program named by
/// `STOCKROOM_SENDMAIL` when it is set. A sendmail failure is reported; the outbox copy stays.
public struct Outbox: Sendable {
  public static let folder = "outbox"
  /// Seconds a sendmail program may take before it is stopped and reported.
  public static let timeout = 30.0

  public let path: String
  public var environment: [String: String]

  public init(directory: String, environment: [String: String]) {
    path = directory + "/" + Self.folder
    self.environment = environment
  }

  /// The sender of every message (`STOCKROOM_MAIL_FROM`).
  public var from: String {
    if let from = environment["STOCKROOM_MAIL_FROM"], !from.isEmpty {
      return TextRules.neutralised(from)
    }
    return "Stockroom <stockroom@localhost>"
  }

  /// Writes and sends each message; returns one line per problem.
  public func deliver(_ mails: [OrderMail]) -> [String] {
    guard !mails.isEmpty else { return [] }
    if let problem = prepare() { return [problem] }
    var problems: [String] = []
    for mail in mails {
      let name =
        "\(Int(mail.time.timeIntervalSince1970)).\(mail.transactionId)-\(mail.milestone.rawValue)"
        + ".\(getpid()).stockroom"
      switch write(mail.rendered(from: from), name: name) {
      case .failure(let problem): problems.append(problem.message)
      case .success(let file):
        if let problem = send(file) { problems.append(problem) }
      }
    }
    return problems
  }

  private func prepare() -> String? {
    for sub in ["", "/tmp", "/new", "/cur"] {
      let folder = path + sub
      if mkdir(folder, 0o700) != 0 && errno != EEXIST {
        return "\(folder): cannot create: \(String(cString: strerror(errno)))"
      }
    }
    return nil
  }

  /// Writes `text` to tmp/, syncs it, renames it into new/; the path in new/.
  private func write(_ text: String, name: String) -> Result<String, UserMap.Refusal> {
    let temporary = path + "/tmp/" + name
    let final = path + "/new/" + name
    let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o600)
    guard fd >= 0 else {
      return .failure(.init("\(temporary): cannot write: \(String(cString: strerror(errno)))"))
    }
    let bytes = Array(text.utf8)
    var done = 0
    while done < bytes.count {
      let wrote = bytes.withUnsafeBytes { raw in
        Glibc.write(fd, raw.baseAddress.map { $0 + done }, raw.count - done)
      }
      if wrote < 0 && errno == EINTR { continue }
      if wrote <= 0 {
        let reason = String(cString: strerror(errno))
        close(fd)
        unlink(temporary)
        return .failure(.init("\(temporary): cannot write: \(reason)"))
      }
      done += wrote
    }
    fsync(fd)
    close(fd)
    if rename(temporary, final) != 0 {
      let reason = String(cString: strerror(errno))
      unlink(temporary)
      return .failure(.init("\(final): cannot write: \(reason)"))
    }
    _ = POSIXFile.syncDirectory(path + "/new")
    return .success(final)
  }

  /// Runs `STOCKROOM_SENDMAIL -i -t` with the message on stdin; nil when it exits 0.
  private func send(_ file: String) -> String? {
    guard let program = environment["STOCKROOM_SENDMAIL"], !program.isEmpty else { return nil }
    let words = program.split(separator: " ").map(String.init)
    guard let executable = words.first else { return nil }
    let arguments = words + ["-i", "-t"]
    let errorPath = path + "/tmp/sendmail-\(getpid())-\(UUID().uuidString.prefix(8))"
    defer { unlink(errorPath) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, file, O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
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
    var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
    var envp: [UnsafeMutablePointer<CChar>?] =
      environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      for pointer in argv { free(pointer) }
      for pointer in envp { free(pointer) }
    }
    var pid: pid_t = 0
    let spawned = posix_spawnp(&pid, executable, &actions, &attributes, &argv, &envp)
    let shown = TextRules.neutralised(executable)
    let kept = "the message is kept in \(file)"
    guard spawned == 0 else {
      return "sendmail \(shown) did not start (\(String(cString: strerror(spawned)))); \(kept)"
    }
    var status: Int32 = 0
    let deadline = Date().addingTimeInterval(Self.timeout)
    while true {
      let done = waitpid(pid, &status, WNOHANG)
      if done == pid { break }
      if done == -1 && errno != EINTR { return "sendmail \(shown): wait failed; \(kept)" }
      if Date() > deadline {
        kill(pid, SIGKILL)
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return "sendmail \(shown) took more than \(Int(Self.timeout)) s and was stopped; \(kept)"
      }
      usleep(5_000)
    }
    let code = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    guard code != 0 else { return nil }
    let said = (try? String(contentsOfFile: errorPath, encoding: .utf8))?
      .split(whereSeparator: \.isNewline).first.map { ": " + TextRules.neutralised(String($0)) }
    return "sendmail \(shown) failed with status \(code)\(said ?? ""); \(kept)"
  }
}

extension FileStore {
  /// Writes the notifications of a committed order transaction to the outbox (and sendmail);
  /// problems become warnings. Called after the commit: the ledger is the truth.
  func deliverOrderMail(_ transaction: Transaction) {
    let mails = OrderMail.messages(for: transaction, book: state.orders)
    let problems = Outbox(directory: directory.path, environment: options.environment)
      .deliver(mails)
    warnings += problems
  }
}

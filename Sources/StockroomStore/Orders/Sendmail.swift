import Foundation
import Glibc
import StockroomDomain

/// One run of the `STOCKROOM_SENDMAIL` program (`PROGRAM -i -t` with the message on stdin),
/// stopped with its whole process group when it takes longer than the timeout.
struct Sendmail {
  /// How a run ended: taken, or refused in words (`stopped` when the timeout ran out).
  enum Outcome: Equatable {
    case sent
    case failed(String, stopped: Bool)
  }

  var program: String
  var environment: [String: String]
  var timeout: Double
  /// Where the program's stderr is caught for the reason of a failure.
  var scratch: String

  func send(_ file: String) -> Outcome {
    let words = program.split(separator: " ").map(String.init)
    guard let executable = words.first else { return .failed("no sendmail", stopped: false) }
    let errorPath = scratch + "/sendmail-\(getpid())-\(UUID().uuidString.prefix(8))"
    defer { unlink(errorPath) }
    let shown = TextRules.neutralised(executable)
    var pid: pid_t = 0
    let spawned = spawn(executable, words + ["-i", "-t"], input: file, errors: errorPath, &pid)
    guard spawned == 0 else {
      return .failed(
        "sendmail \(shown) did not start (\(POSIXFile.errnoText(spawned)))", stopped: false)
    }
    var status: Int32 = 0
    let deadline = Date().addingTimeInterval(timeout)
    while true {
      let done = waitpid(pid, &status, WNOHANG)
      if done == pid { break }
      if done == -1 && errno != EINTR {
        return .failed("sendmail \(shown): wait failed", stopped: false)
      }
      if Date() > deadline {
        kill(-pid, SIGKILL)
        kill(pid, SIGKILL)
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return .failed(
          "sendmail \(shown) took more than \(Self.seconds(timeout)) s and was stopped",
          stopped: true)
      }
      usleep(5_000)
    }
    let code = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    guard code != 0 else { return .sent }
    let said = (try? String(contentsOfFile: errorPath, encoding: .utf8))?
      .split(whereSeparator: \.isNewline).first.map { ": " + TextRules.neutralised(String($0)) }
    return .failed("sendmail \(shown) failed with status \(code)\(said ?? "")", stopped: false)
  }

  /// Starts the program in a process group of its own (so a timeout stops its children too),
  /// stdin the message, stdout discarded, stderr into `errors`; posix_spawn's result.
  private func spawn(
    _ executable: String, _ arguments: [String], input: String, errors: String,
    _ pid: inout pid_t
  ) -> Int32 {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, input, O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, errors, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var emptyMask = sigset_t()
    sigemptyset(&emptyMask)
    var allSignals = sigset_t()
    sigfillset(&allSignals)
    posix_spawnattr_setsigmask(&attributes, &emptyMask)
    posix_spawnattr_setsigdefault(&attributes, &allSignals)
    posix_spawnattr_setpgroup(&attributes, 0)
    posix_spawnattr_setflags(
      &attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP))
    var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
    var envp: [UnsafeMutablePointer<CChar>?] =
      environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      for pointer in argv { free(pointer) }
      for pointer in envp { free(pointer) }
    }
    return posix_spawnp(&pid, executable, &actions, &attributes, &argv, &envp)
  }

  /// Seconds as said in a message: `30`, `0.5`.
  static func seconds(_ value: Double) -> String {
    value == value.rounded() && value < 1e9 ? String(Int(value)) : String(value)
  }
}

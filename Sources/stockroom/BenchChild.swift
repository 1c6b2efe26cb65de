import Foundation
import Glibc

/// One run of this binary as a child process, for benchmarks that time a whole command the
/// way a user waits for it: its wall time, its peak resident memory (the kernel's count for
/// the child, `ru_maxrss`) and its exit status. Output is discarded, or kept in a file.
/// Linux starts a spawned child's `ru_maxrss` at its parent's peak, so a benchmark spawns
/// its children before it grows.
struct BenchChild {
  var milliseconds: Double
  var peakKiB: Int
  var status: Int32

  static let binary =
    (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
    ?? CommandLine.arguments[0]

  /// A child started and not waited for yet.
  struct Running {
    var pid: pid_t
    var begin: Double
  }

  /// Runs the binary with `arguments` and waits for it.
  static func run(_ arguments: [String], output: String = "/dev/null", store: String? = nil)
    -> BenchChild
  {
    finish(start(arguments, output: output, store: store))
  }

  /// Starts the binary with `arguments`, its output into `output`; `store` (a database store's
  /// URL, or empty for the file store) replaces this process's `STOCKROOM_STORE`.
  static func start(_ arguments: [String], output: String = "/dev/null", store: String? = nil)
    -> Running?
  {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv = ([binary] + arguments).map { strdup($0) } + [nil]
    defer {
      for argument in argv { free(argument) }
    }
    let begin = BenchClock.wall()
    var pid: pid_t = 0
    let spawned = ChildEnvironment.with(store: store) { envp in
      posix_spawn(&pid, binary, &actions, nil, argv, envp)
    }
    return spawned == 0 ? Running(pid: pid, begin: begin) : nil
  }

  /// Waits for a child started by `start`.
  static func finish(_ running: Running?) -> BenchChild {
    guard let running else { return BenchChild(milliseconds: 0, peakKiB: 0, status: -1) }
    var status: Int32 = 0
    var usage = rusage()
    while wait4(running.pid, &status, 0, &usage) < 0 && errno == EINTR {}
    let exited = status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    return BenchChild(
      milliseconds: BenchClock.wall() - running.begin, peakKiB: usage.ru_maxrss, status: exited)
  }
}

import ArgumentParser
import Foundation
import StockroomStore

/// `stockroom _snapshot`: writes a new snapshot when one is due. A commit starts it in the
/// background (`BackgroundSnapshot`), so no command waits while ten million tokens are written.
struct SnapshotCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "_snapshot", abstract: "Write a new snapshot when one is due.",
    shouldDisplay: false)

  @OptionGroup var global: GlobalOptions

  func run() throws {
    guard case .directory = global.resolvedStore() else { return }
    let store = StoreCommands.openFile(global)
    do {
      try store.writeSnapshotIfDue()
    } catch {
      StoreCommands.fail(error)
    }
  }
}

/// Starts `stockroom _snapshot` for a store whose snapshot is due, in a session of its own with
/// its output discarded, unless another process is writing one already; never waits for it.
enum BackgroundSnapshot {
  static func startIfDue(_ store: any LedgerStore) {
    guard let store = store as? FileStore, store.snapshotIsDue, !store.isWritingSnapshot else {
      return
    }
    start(dataDirectory: store.directory.path)
  }

  /// Through `sh -c '… &'`, so the writer is nobody's child once `sh` returns (no zombie).
  static func start(dataDirectory: String) {
    guard let binary = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
    else { return }
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    // POSIX_SPAWN_SETSID (glibc): Ctrl-C in the terminal does not reach the writer.
    posix_spawnattr_setflags(&attributes, 0x80)
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    for descriptor: Int32 in 0...2 {
      posix_spawn_file_actions_addopen(&actions, descriptor, "/dev/null", O_RDWR, 0)
    }
    let script = #""$0" _snapshot --data-dir "$1" &"#
    let words: [String] = ["sh", "-c", script, binary, dataDirectory]
    let argv = words.map { strdup($0) } + [nil]
    defer {
      for argument in argv { free(argument) }
    }
    var pid: pid_t = 0
    guard posix_spawn(&pid, "/bin/sh", &actions, &attributes, argv, environ) == 0 else { return }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
  }
}

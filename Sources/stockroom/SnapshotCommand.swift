import ArgumentParser
import Foundation
import StockroomPostgres
import StockroomStore

/// `stockroom _snapshot`: writes a new snapshot when one is due (a file store's, or a database
/// store's local one). A commit starts it in the background (`BackgroundSnapshot`), so no
/// command waits while ten million tokens are written.
struct SnapshotCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "_snapshot", abstract: "Write a new snapshot when one is due.",
    shouldDisplay: false)

  @OptionGroup var global: GlobalOptions

  func run() throws {
    let store = StoreCommands.open(global, background: false)
    do {
      if let store = store as? FileStore { try store.writeSnapshotIfDue() }
      if let store = store as? PostgresStore { try store.writeSnapshotIfDue() }
    } catch {
      StoreCommands.fail(error)
    }
  }
}

/// Starts `stockroom _snapshot` for a store whose snapshot is due, in a session of its own with
/// its output discarded, unless another process is writing one already; never waits for it.
enum BackgroundSnapshot {
  static func startIfDue(_ store: any LedgerStore) {
    if let store = store as? FileStore, store.snapshotIsDue, !store.isWritingSnapshot {
      start(dataDirectory: store.directory.path)
    }
    // The database store is handed over through the environment: its URL may hold a password.
    if let store = store as? PostgresStore, store.snapshotIsDue, !store.isWritingSnapshot,
      let directory = store.cache?.directory.path
    {
      start(dataDirectory: directory, store: store.url.secretText)
    }
  }

  /// Through `sh -c '… &'`, so the writer is nobody's child once `sh` returns (no zombie).
  /// `store`: the database store's URL, else the data directory's file store.
  static func start(dataDirectory: String, store: String = "") {
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
    let spawned = ChildEnvironment.with(store: store) { envp in
      posix_spawn(&pid, "/bin/sh", &actions, &attributes, argv, envp)
    }
    guard spawned == 0 else { return }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
  }
}

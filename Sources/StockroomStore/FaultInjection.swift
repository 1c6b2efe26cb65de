import Glibc
import Synchronization

/// Test seams for the fault-injection suite (`scripts/fault-suite.sh`), inert unless set:
/// `STOCKROOM_CRASH_AT=point[:N]` aborts the process the Nth time (default 1st) the store
/// reaches a named point of a commit, a snapshot or an index write; `STOCKROOM_FAIL_IO=write:N|fsync:N` makes
/// the Nth write (half written, then EIO) or the Nth fsync of the store fail.
public enum FaultInjection {
  /// The named places where a crash can be injected.
  public enum Point: String, CaseIterable, Sendable {
    case beforeWrite = "before-write"
    case afterWrite = "after-write"
    case afterFsync = "after-fsync"
    case snapshotTokens = "snapshot-tokens"
    case snapshotTemp = "snapshot-temp"
    case snapshotRenamed = "snapshot-renamed"
    case indexTemp = "index-temp"
    case indexRenamed = "index-renamed"
    /// A database store's commit: its rows written, COMMIT not yet sent.
    case databaseWritten = "db-written"
    /// A database store's commit: COMMIT acknowledged, the outcome not yet reported.
    case databaseCommitted = "db-committed"
  }

  /// The system calls whose failure can be injected.
  enum Operation: String {
    case write, fsync
  }

  /// What the environment asked for, read once.
  struct Plan {
    var crash: (point: Point, at: Int)?
    var failure: (operation: Operation, at: Int)?

    init(_ crashText: String?, _ failureText: String?) {
      if let (name, count) = Self.split(crashText), let point = Point(rawValue: name) {
        crash = (point, count)
      }
      if let (name, count) = Self.split(failureText), let operation = Operation(rawValue: name) {
        failure = (operation, count)
      }
    }

    static func split(_ text: String?) -> (String, Int)? {
      guard let text, !text.isEmpty else { return nil }
      let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
      let count = parts.count == 2 ? Int(parts[1]) ?? 1 : 1
      return (parts[0], max(1, count))
    }
  }

  static let plan = Plan(
    getenv("STOCKROOM_CRASH_AT").map { String(cString: $0) },
    getenv("STOCKROOM_FAIL_IO").map { String(cString: $0) })
  private static let crashes = Atomic<Int>(0)
  private static let operations = Atomic<Int>(0)

  /// Aborts the process when the plan names `point` and this is its Nth arrival there.
  public static func crash(at point: Point) {
    guard let crash = plan.crash, crash.point == point else { return }
    let seen = crashes.add(1, ordering: .relaxed).newValue
    if seen == crash.at { abort() }
  }

  /// Nil, or the text of an injected failure when this is the Nth `operation`.
  static func failure(_ operation: Operation) -> String? {
    guard let failure = plan.failure, failure.operation == operation else { return nil }
    let seen = operations.add(1, ordering: .relaxed).newValue
    return seen == failure.at ? "Input/output error (injected \(operation.rawValue) \(seen))" : nil
  }
}

extension POSIXFile {
  /// An injected write failure: half the bytes land (as a disk filling up would leave them),
  /// then the write reports the error.
  func partialWrite(_ bytes: [UInt8], _ reason: String) -> String {
    let half = bytes.count / 2
    _ = bytes.withUnsafeBytes { raw in Glibc.write(fd, raw.baseAddress, half) }
    return reason
  }
}

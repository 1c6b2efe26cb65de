import ArgumentParser
import Foundation
import StockroomDomain
import StockroomPostgres
import StockroomStore

/// `stockroom _commit-test`: a hidden helper for the multi-process, crash, fault and several-
/// host tests. Each acknowledged commit prints `ack KEY TRANSACTION-ID`, so a script can check
/// that every one of them is in the ledger exactly once.
struct CommitTestCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "_commit-test", abstract: "Test helper: commit transactions.",
    shouldDisplay: false)

  @OptionGroup var global: GlobalOptions
  /// dealloc: one serial per commit; loop: assignments; move: round after round, a seeded
  /// random serial of --serial allocated to --account or returned from it.
  @Option(help: "dealloc, loop or move.") var mode = "dealloc"
  @Option var account = "ACC-0001"
  @Option(parsing: .upToNextOption) var serial: [String] = []
  @Option var count = 100
  @Option(help: "Loop and move keys are PREFIX-ROUND (default loop-PID).") var keyPrefix: String?
  @Option(help: "Loop mode: write a snapshot after every N commits (0: never).")
  var snapshotEvery = 0
  @Option(help: "Move mode: the seed of the serials picked.") var seed: UInt64 = 1

  func run() throws {
    let store = Self.open(global)
    let context = ProcessIdentity.context(comment: "commit test \(getpid())")
    var out = OutputBuffer()
    if mode == "loop" || mode == "move" {
      var picks = SerialPicks(seed: seed)
      for round in 0..<count {
        let key = "\(keyPrefix ?? "loop-\(getpid())")-\(round)"
        let command =
          mode == "loop"
          ? .assignSoftware(account: account, column: .mobilePass, inUse: round % 7)
          : picks.move(among: serial, account: account, in: store.state)
        do throws(LedgerError) {
          let result = try Self.settle(store, command, context: context, key: key, out: &out)
          out.line("ack \(key) \(result.transaction.transactionId)")
          out.flush()
          if snapshotEvery > 0, (round + 1) % snapshotEvery == 0 {
            try (store as? FileStore)?.writeSnapshot()
          }
        } catch {
          // Moving overlapping serials, another writer taking one first is expected.
          guard mode == "move", error.exitCode == 1 || error.exitCode == 3 else {
            out.flush()
            StoreCommands.fail(error)
          }
          out.line("refused \(key)")
        }
      }
      out.flush()
      return
    }
    for item in serial {
      do {
        let result = try store.commit(
          .deallocateHardware(
            account: account, serials: [item], disposition: .return, container: nil),
          context: context, key: ProcessIdentity.newKey())
        out.line("ok \(item) \(result.transaction.transactionId)")
      } catch {
        switch error {
        case .conflict: out.line("conflict \(item)")
        case .refused: out.line("refused \(item)")
        default:
          out.flush()
          StoreCommands.fail(error)
        }
      }
      out.flush()
    }
  }

  /// Opens the store; a database store's server that cannot be reached is tried again, as
  /// `settle` does, so a writer started while the server is down carries on once it is back.
  static func open(_ global: GlobalOptions) -> any LedgerStore {
    guard case .postgres(let url) = global.resolvedStore() else {
      return StoreCommands.open(global)
    }
    var backoff = Backoff()
    let deadline = Date().addingTimeInterval(120)
    while true {
      do {
        return try PostgresStore.open(url, options: StoreCommands.databaseOptions(global))
      } catch {
        // Only a server that cannot be reached (not a database without a store) is waited for.
        guard case .unavailable(let text) = error, text.hasPrefix("cannot reach "),
          Date() < deadline
        else { StoreCommands.fail(error) }
        backoff.sleep()
      }
    }
  }

  /// Commits under `key`; while a database store's server cannot be reached the same key is
  /// tried again (`lost KEY` printed each time), for at most two minutes, so the outcome is
  /// settled by the key: never applied twice, never lost.
  static func settle(
    _ store: any LedgerStore, _ command: Command, context: TransactionContext, key: String,
    out: inout OutputBuffer
  ) throws(LedgerError) -> CommitResult {
    var backoff = Backoff()
    let deadline = Date().addingTimeInterval(120)
    while true {
      do {
        return try store.commit(command, context: context, key: key)
      } catch {
        guard case .unavailable = error, let connected = store as? any ConnectedLedger,
          connected.connectionLoss != nil, Date() < deadline
        else { throw error }
        out.line("lost \(key)")
        out.flush()
        backoff.sleep()
      }
    }
  }
}

/// The serials `_commit-test --mode move` moves: a seeded choice among the serials given, each
/// allocated to the account when it is available and returned when it is there unused.
struct SerialPicks {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  /// SplitMix64: the next pseudo-random number.
  private mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// The command that moves a serial picked among `serials` (as the state seen here says).
  mutating func move(among serials: [String], account: String, in state: InventoryState)
    -> Command
  {
    let serial = serials.isEmpty ? "" : serials[Int(next() % UInt64(serials.count))]
    if let token = state.token(serial: serial), token.state == .available {
      return .allocateHardware(account: account, serials: [serial], type: .rental)
    }
    return .deallocateHardware(
      account: account, serials: [serial], disposition: .return, container: nil)
  }
}

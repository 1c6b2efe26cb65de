import ArgumentParser
import Foundation
import StockroomDomain
import StockroomStore

/// `stockroom _commit-test`: a hidden helper for the multi-process and crash tests, until the
/// headless deallocation twin exists.
struct CommitTestCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "_commit-test", abstract: "Test helper: commit transactions.",
    shouldDisplay: false)

  @OptionGroup var global: GlobalOptions
  @Option(help: "dealloc (one serial per commit) or loop (assignments).") var mode = "dealloc"
  @Option var account = "ACC-0001"
  @Option(parsing: .upToNextOption) var serial: [String] = []
  @Option var count = 100
  @Option(help: "Loop keys are PREFIX-ROUND (default loop-PID).") var keyPrefix: String?
  @Option(help: "Loop mode: write a snapshot after every N commits (0: never).")
  var snapshotEvery = 0

  func run() throws {
    let store = StoreCommands.open(global)
    let context = ProcessIdentity.context(comment: "commit test \(getpid())")
    var out = OutputBuffer()
    if mode == "loop" {
      for round in 0..<count {
        let key = "\(keyPrefix ?? "loop-\(getpid())")-\(round)"
        do {
          let result = try store.commit(
            .assignSoftware(account: account, column: .mobilePass, inUse: round % 7),
            context: context, key: key)
          out.line("ack \(key) \(result.transaction.transactionId)")
          out.flush()
          if snapshotEvery > 0, (round + 1) % snapshotEvery == 0 {
            try (store as? FileStore)?.writeSnapshot()
          }
        } catch {
          StoreCommands.fail(error)
        }
      }
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
}

import Foundation
import Glibc
import StockroomDomain

@testable import StockroomStore

/// Temporary data directories and small stores for the file store's tests.
enum Support {
  static func temporaryDirectory(_ name: String = "store") -> URL {
    let path =
      NSTemporaryDirectory() + "stockroom-test-\(name)-\(getpid())-\(UUID().uuidString.prefix(8))"
    return URL(fileURLWithPath: path)
  }

  static func options(snapshots: Bool = false) -> FileStore.Options {
    var options = FileStore.Options()
    options.useSnapshot = snapshots
    options.writeSnapshot = snapshots
    return options
  }

  static let context = TransactionContext(
    user: "tester", uid: 1_000, reference: "R-1", comment: "c")

  /// A store with a provider, two accounts, 20 RB-1 serials (S00…S19) allocated to ACC-0001.
  static func smallStore(_ url: URL, options: FileStore.Options = options()) throws -> FileStore {
    let store = try FileStore.open(at: url, options: options)
    let serials = (0..<20).map { String(format: "S%02d", $0) }
    let commands: [Command] = [
      .define(
        Definitions(
          provider: "P", containers: [Container(code: "MAIN", name: "Main")], models: ["RB-1"],
          accounts: [
            AccountDefinition(code: "ACC-0001", name: "One"),
            AccountDefinition(code: "ACC-0002", name: "Two"),
          ])),
      .receiveSoftware(product: .mobilepass, quantity: 100, ownership: .owned, container: nil),
      .receiveHardware(
        model: "RB-1", serials: serials, ownership: .owned, container: nil, needsPIN: false),
      .allocateHardware(account: "ACC-0001", serials: serials, type: .rental),
      .allocateSoftware(
        account: "ACC-0001", column: .mobilePass, quantity: 50, withCapacity: false),
    ]
    for command in commands { _ = try store.commit(command, context: context) }
    return store
  }

  static func ledger(_ url: URL) -> URL { url.appendingPathComponent("ledger.jsonl") }

  static func bytes(_ url: URL) throws -> [UInt8] { Array(try Data(contentsOf: url)) }

  static func write(_ bytes: [UInt8], to url: URL) throws {
    try Data(bytes).write(to: url)
  }

  /// Offsets where each ledger line starts.
  static func lineStarts(_ bytes: [UInt8]) -> [Int] {
    var starts = [0]
    for (index, byte) in bytes.enumerated() where byte == 10 && index + 1 < bytes.count {
      starts.append(index + 1)
    }
    return starts
  }

  static var isRoot: Bool { geteuid() == 0 }
}

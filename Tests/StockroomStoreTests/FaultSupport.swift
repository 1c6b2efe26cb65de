import Foundation
import Glibc
import StockroomDomain
import TestSupport
import Testing

@testable import StockroomStore

/// The three documented outcomes of a damaged file (README "Faults and drafts"), plus a
/// ledger cut exactly at a record boundary, which is a valid shorter ledger.
enum DamageOutcome: String, CaseIterable {
  case tornTailCut = "torn tail cut"
  case refused = "refused with file and offset"
  case snapshotRebuilt = "snapshot rebuilt"
  case validShorter = "valid shorter ledger"
  case intact = "nothing to notice"
}

enum FaultSuite {
  /// Cases from the environment (the fault suite), else `fallback` (the ordinary test run).
  static func cases(_ name: String, fallback: Int) -> Int {
    ProcessInfo.processInfo.environment[name].flatMap(Int.init) ?? fallback
  }

  /// A fresh directory path on /dev/shm when it exists, else in the temporary folder.
  static func scratchDirectory(_ name: String) -> URL {
    guard FileManager.default.fileExists(atPath: "/dev/shm") else {
      return Support.temporaryDirectory(name)
    }
    return URL(
      fileURLWithPath: "/dev/shm/stockroom-\(name)-\(getpid())-\(UUID().uuidString.prefix(8))")
  }

  /// A store with a snapshot in the middle of its ledger and records after it.
  static func base(_ url: URL) throws {
    let store = try Support.smallStore(url, options: Support.options(snapshots: true))
    for round in 0..<12 {
      _ = try store.commit(
        .assignSoftware(account: "ACC-0001", column: .mobilePass, inUse: round % 5),
        context: Support.context, key: "base-\(round)")
      if round == 6 { try store.writeSnapshot() }
    }
  }

  /// Opens a damaged store and says which outcome it met; records anything else as a problem.
  static func classify(_ url: URL, ledger: String, snapshot: String) -> (DamageOutcome, String?) {
    do {
      let store = try FileStore.open(at: url, options: Support.options(snapshots: true))
      let warnings = store.warnings
      if warnings.contains(where: { $0.contains(ledger) && $0.contains("cut an incomplete") }) {
        return (.tornTailCut, nil)
      }
      if warnings.contains(where: { $0.contains(snapshot) && $0.contains("rebuilt") }) {
        return (.snapshotRebuilt, nil)
      }
      if let other = warnings.first { return (.intact, "unexpected warning: \(other)") }
      return (.intact, nil)
    } catch {
      let message = error.message
      let named = message.contains(ledger) || message.contains(snapshot)
      guard named, message.contains("at byte") else {
        return (.refused, "a refusal without file and offset: \(message)")
      }
      return (.refused, nil)
    }
  }
}

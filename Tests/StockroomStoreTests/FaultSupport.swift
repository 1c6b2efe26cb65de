import Foundation
import Glibc
import StockroomDomain
import StoreTestSupport
import TestSupport
import Testing

@testable import StockroomStore

/// The documented outcomes of a damaged file (README "Faults and drafts"), plus a ledger cut
/// exactly at a record boundary, which is a valid shorter ledger.
enum DamageOutcome: String, CaseIterable {
  case tornTailCut = "torn tail cut"
  case refused = "refused with file and offset"
  /// Damage before the snapshot's stamp, which opening does not read: a read that reaches it
  /// refuses, naming the file and offset, and `verify` reports it.
  case refusedOnRead = "refused when read, with file and offset"
  case snapshotRebuilt = "snapshot rebuilt"
  case indexRebuilt = "index rebuilt"
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

  /// Opens a damaged store and says which outcome it met; records anything else as a problem,
  /// and any lookup (by ID, account, serial, subscription, order) that differs from a full scan.
  static func classify(_ url: URL, ledger: String, snapshot: String) -> (DamageOutcome, String?) {
    do {
      let store = try FileStore.open(at: url, options: Support.options(snapshots: true))
      let warnings = store.warnings
      let outcome: DamageOutcome
      var problem: String?
      if warnings.contains(where: { $0.contains(ledger) && $0.contains("cut an incomplete") }) {
        outcome = .tornTailCut
      } else if warnings.contains(where: { $0.contains(snapshot) && $0.contains("rebuilt") }) {
        outcome = .snapshotRebuilt
      } else {
        outcome = .intact
        problem = warnings.first.map { "unexpected warning: \($0)" }
      }
      if let wrong = IndexCheck.problems(store) {
        if outcome == .intact, wrong.hasPrefix("threw: "), wrong.contains(ledger),
          wrong.contains("at byte")
        {
          return (.refusedOnRead, nil)
        }
        return (outcome, "a lookup: \(wrong)")
      }
      let index = url.appendingPathComponent("index.bin").path
      let rebuilt = store.warnings.dropFirst(warnings.count).contains {
        $0.contains(index) && $0.contains("rebuilt")
      }
      return (outcome == .intact && rebuilt ? .indexRebuilt : outcome, problem)
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

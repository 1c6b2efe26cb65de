import Foundation
import Glibc
import StockroomDomain
import Testing

@testable import StockroomStore

/// Deterministic randomness and the outcome of opening a damaged store, for the fault suites.
/// The randomized tests take their seed from `FuzzSeed` (random unless given).
struct SplitMix: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// The seed of a randomized test: `STOCKROOM_FUZZ_SEED` when set, else a fresh random one.
/// It is printed when the test starts (`fuzz-seed: NAME seed N (reproduce: ...)`, also when it
/// hangs or crashes) and belongs in every failure message (`note`), with the command that runs
/// the same cases again.
struct FuzzSeed {
  static let variable = "STOCKROOM_FUZZ_SEED"
  let value: UInt64
  let note: String

  /// `filter` is what `swift test --filter` runs the test by; `settings` are the other
  /// environment variables the cases depend on (their count).
  init(_ filter: String, settings: [String] = []) {
    let given = ProcessInfo.processInfo.environment[Self.variable].flatMap {
      $0.isEmpty ? nil : $0
    }
    var value = UInt64.random(in: 1...UInt64(UInt32.max))
    if let given {
      if let parsed = UInt64(given) {
        value = parsed
      } else {
        Issue.record("\(Self.variable)=\(given) is not a whole number; a random seed is used")
      }
    }
    self.value = value
    let command = (["\(Self.variable)=\(value)"] + settings).joined(separator: " ")
    note = "seed \(value) (reproduce: \(command) swift test --filter \(filter))"
    print("fuzz-seed: \(filter) \(note)")
  }
}

/// The documented outcomes of a damaged file (README "Faults and drafts"), plus a ledger cut
/// exactly at a record boundary, which is a valid shorter ledger.
enum DamageOutcome: String, CaseIterable {
  case tornTailCut = "torn tail cut"
  case refused = "refused with file and offset"
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
      if let wrong = IndexCheck.problems(store) { return (outcome, "a lookup: \(wrong)") }
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

import Foundation
import Glibc
import StockroomDomain
import TestSupport
import Testing

@testable import StockroomStore

/// Corrupted files (issue 9): bit flips, truncations, duplicated, deleted and swapped records
/// and garbage appended, in the ledger, the snapshot and the index. Never a crash or a hang,
/// never a wrong lookup; each case ends in a documented outcome, and after a refusal `repair`
/// leaves a store that verifies.
/// `STOCKROOM_CORRUPT_CASES` sets the count (the fault suite runs 1,000 or more), and
/// `STOCKROOM_FUZZ_SEED` the seed (random unless given; printed, and named on failure).
/// File-only: the bytes of the file store's files; a database store's damaged local snapshot
/// is in LocalSnapshotTests, its guarded rows in DatabaseGuardTests.
@Suite struct CorruptionFuzzTests {
  enum Mutation: CaseIterable {
    case ledgerBitFlip, ledgerTruncate, ledgerDuplicate, ledgerDelete, ledgerSwap, ledgerGarbage
    case snapshotBitFlip, snapshotTruncate, snapshotGarbage, snapshotEmpty
    case indexBitFlip, indexTruncate, indexGarbage, indexEmpty
  }

  static func lines(_ bytes: [UInt8]) -> [[UInt8]] {
    var result: [[UInt8]] = []
    var start = 0
    for (index, byte) in bytes.enumerated() where byte == 10 {
      result.append(Array(bytes[start...index]))
      start = index + 1
    }
    if start < bytes.count { result.append(Array(bytes[start...])) }
    return result
  }

  static func garbage(_ random: inout SplitMix, count: Int) -> [UInt8] {
    (0..<count).map { _ in
      random.next() % 4 == 0 ? 10 : UInt8(truncatingIfNeeded: random.next())
    }
  }

  static func mutate(
    _ mutation: Mutation, ledger: inout [UInt8], snapshot: inout [UInt8], index: inout [UInt8],
    _ random: inout SplitMix
  ) -> Bool {
    var records = lines(ledger)
    switch mutation {
    case .ledgerBitFlip:
      ledger[Int(random.next() % UInt64(ledger.count))] ^= UInt8(1 << (random.next() % 8))
    case .ledgerTruncate:
      ledger.removeSubrange(Int(random.next() % UInt64(ledger.count))...)
    case .ledgerDuplicate:
      let index = Int(random.next() % UInt64(records.count))
      records.insert(records[index], at: index)
      ledger = records.flatMap { $0 }
      return true
    case .ledgerDelete:
      records.remove(at: Int(random.next() % UInt64(records.count)))
      ledger = records.flatMap { $0 }
      return true
    case .ledgerSwap:
      let index = Int(random.next() % UInt64(records.count - 1))
      records.swapAt(index, index + 1)
      ledger = records.flatMap { $0 }
    case .ledgerGarbage:
      ledger += garbage(&random, count: Int(random.next() % 300) + 1)
    case .snapshotBitFlip:
      snapshot[Int(random.next() % UInt64(snapshot.count))] ^= UInt8(1 << (random.next() % 8))
    case .snapshotTruncate:
      snapshot.removeSubrange(Int(random.next() % UInt64(snapshot.count))...)
    case .snapshotGarbage:
      snapshot += garbage(&random, count: Int(random.next() % 300) + 1)
    case .snapshotEmpty:
      snapshot = []
    case .indexBitFlip:
      index[Int(random.next() % UInt64(index.count))] ^= UInt8(1 << (random.next() % 8))
    case .indexTruncate:
      index.removeSubrange(Int(random.next() % UInt64(index.count))...)
    case .indexGarbage:
      index += garbage(&random, count: Int(random.next() % 300) + 1)
    case .indexEmpty:
      index = []
    }
    return false
  }

  /// True when `verify` reports (or refuses with) a problem naming `path`.
  static func verifyNames(_ url: URL, _ path: String) -> Bool {
    do {
      return try FileStore.verify(at: url).contains { $0.contains(path) }
    } catch {
      return error.message.contains(path)
    }
  }

  /// True when the store opened with its snapshot has the state a full replay gives.
  static func stateIsRight(_ url: URL) -> Bool {
    guard let fast = try? FileStore.open(at: url, options: Support.options(snapshots: true)),
      let slow = try? FileStore.open(at: url, options: Support.options())
    else { return false }
    return fast.state == slow.state
  }

  @Test(.timeLimit(.minutes(10))) func everyDamagedFileEndsInADocumentedOutcome() throws {
    let count = FaultSuite.cases("STOCKROOM_CORRUPT_CASES", fallback: 40)
    let seed = FuzzSeed("CorruptionFuzzTests", settings: ["STOCKROOM_CORRUPT_CASES=\(count)"])
    let base = Support.temporaryDirectory("corrupt-base")
    try FaultSuite.base(base)
    let ledger = try Support.bytes(Support.ledger(base))
    let snapshot = try Support.bytes(base.appendingPathComponent("snapshot.bin"))
    let indexBytes = try Support.bytes(base.appendingPathComponent("index.bin"))
    let baseCount = Self.lines(ledger).count
    // On tmpfs when there is one: the cases fsync a lot and only the logic is under test here.
    let url = FaultSuite.scratchDirectory("corrupt")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    chmod(url.path, 0o700)
    let ledgerPath = Support.ledger(url).path
    let snapshotPath = url.appendingPathComponent("snapshot.bin").path
    let indexURL = url.appendingPathComponent("index.bin")
    var random = SplitMix(seed: seed.value)
    var tally: [DamageOutcome: Int] = [:]
    var problems: [String] = []
    for index in 0..<count {
      let mutation = Mutation.allCases[index % Mutation.allCases.count]
      var damagedLedger = ledger
      var damagedSnapshot = snapshot
      var damagedIndex = indexBytes
      let removedOrAdded = Self.mutate(
        mutation, ledger: &damagedLedger, snapshot: &damagedSnapshot, index: &damagedIndex,
        &random)
      for name in try FileManager.default.contentsOfDirectory(atPath: url.path) {
        unlink(url.path + "/" + name)
      }
      try Support.write(damagedLedger, to: Support.ledger(url))
      try Support.write(damagedSnapshot, to: URL(fileURLWithPath: snapshotPath))
      try Support.write(damagedIndex, to: indexURL)
      var (outcome, problem) = FaultSuite.classify(url, ledger: ledgerPath, snapshot: snapshotPath)
      if outcome == .intact, damagedLedger != ledger {
        // Only a cut exactly at a record boundary (or a removed last record) may go unnoticed.
        let shorter = damagedLedger.count < ledger.count && ledger.starts(with: damagedLedger)
        if shorter && damagedLedger.last ?? 10 == 10 {
          outcome = .validShorter
        } else if !(removedOrAdded && Self.lines(damagedLedger).count == baseCount) {
          problem = problem ?? "\(mutation) went unnoticed"
        }
      }
      // Token pages are checked when read, not at open: the state must still be right (a
      // damaged page is replaced by the ledger's tokens) and `verify` must name the file.
      var unreadSnapshotDamage = false
      if outcome == .intact, damagedSnapshot != snapshot, problem == nil {
        unreadSnapshotDamage = damagedSnapshot.count == snapshot.count
        if !unreadSnapshotDamage {
          problem = "\(mutation) of the snapshot went unnoticed"
        } else if !Self.stateIsRight(url) {
          problem = "a damaged token page gave a wrong state"
        } else if !Self.verifyNames(url, snapshotPath) {
          problem = "verify missed a damaged snapshot"
        }
      }
      // Damage before the snapshot's stamp: `verify` must report it before `repair` cuts it.
      if outcome == .refusedOnRead, !Self.verifyNames(url, ledgerPath) {
        problem = problem ?? "verify missed damage a read refused"
      }
      // Lookups read every part of the index but the checksum of the whole file, which only
      // `verify` reads (and reports); `repair` rewrites it.
      var unreadIndexDamage = false
      if outcome == .intact, damagedIndex != indexBytes, problem == nil {
        unreadIndexDamage =
          damagedIndex.count == indexBytes.count
          && damagedIndex.dropLast(4) == indexBytes.dropLast(4)
        if !unreadIndexDamage {
          problem = "\(mutation) of the index went unnoticed"
        } else if !((try? FileStore.verify(at: url)) ?? []).contains(where: {
          $0.contains(indexURL.path)
        }) {
          problem = "verify missed a damaged index"
        }
      }
      tally[outcome, default: 0] += 1
      if let problem { problems.append("case \(index) \(mutation): \(problem)") }
      // Every store left must verify once repaired (a refusal) or as it opened.
      if outcome == .refused || outcome == .refusedOnRead || unreadIndexDamage
        || unreadSnapshotDamage
      {
        do {
          _ = try FileStore.repair(at: url)
        } catch {
          problems.append("case \(index) \(mutation): repair failed: \(error.message)")
        }
      }
      do {
        let left = try FileStore.verify(at: url)
        if !left.isEmpty { problems.append("case \(index) \(mutation): verify: \(left[0])") }
      } catch {
        problems.append("case \(index) \(mutation): verify threw: \(error.message)")
      }
    }
    let parts = DamageOutcome.allCases.map { "\($0.rawValue) \(tally[$0, default: 0])" }
    print("fault-figure: corrupted files \(count) (\(parts.joined(separator: ", "))), \(seed.note)")
    #expect(problems.isEmpty, "\(seed.note)\n\(problems.prefix(10).joined(separator: "\n"))")
    #expect(
      tally[.refused, default: 0] > 0 && tally[.snapshotRebuilt, default: 0] > 0
        && tally[.indexRebuilt, default: 0] > 0,
      "\(seed.note): \(parts)")
    // A torn tail needs a cut or garbage among the few records after the snapshot: about one
    // case in 36. Forty cases miss it for about half the seeds; from 400 on (the fault suite)
    // none of 30 seeds tried had fewer than 6.
    if count >= 400 {
      #expect(tally[.tornTailCut, default: 0] > 0, "\(seed.note): \(parts)")
    }
  }
}

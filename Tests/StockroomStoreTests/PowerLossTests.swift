import Foundation
import Glibc
import StockroomDomain
import TestSupport
import Testing

@testable import StockroomStore

/// A test storage layer for power loss: each file is its bytes at the last fsync plus the
/// writes since; at a simulated crash each of those writes is kept, dropped, torn, garbled or
/// zero-filled (as a filesystem may leave unsynced data blocks).
struct SimulatedDisk {
  enum Fate: CaseIterable {
    case keep, drop, tear, garble, zeros
  }

  private(set) var durable: [UInt8]
  private(set) var pending: [[UInt8]] = []

  init(_ bytes: [UInt8]) { durable = bytes }

  mutating func append(_ bytes: [UInt8]) { pending.append(bytes) }

  mutating func fsync() {
    durable += pending.flatMap { $0 }
    pending = []
  }

  /// The file after a power loss: a dropped or torn write ends the file there.
  func crash(_ random: inout SplitMix) -> (bytes: [UInt8], fates: [Fate]) {
    var bytes = durable
    var fates: [Fate] = []
    for write in pending {
      let fate = Fate.allCases[Int(random.next() % UInt64(Fate.allCases.count))]
      fates.append(fate)
      switch fate {
      case .keep: bytes += write
      case .drop: return (bytes, fates)
      case .tear:
        bytes += write.prefix(Int(random.next() % UInt64(max(1, write.count))))
        return (bytes, fates)
      case .garble:
        bytes += write.map { _ in
          random.next() % 16 == 0 ? 10 : UInt8(truncatingIfNeeded: random.next())
        }
      case .zeros: bytes += [UInt8](repeating: 0, count: write.count)
      }
    }
    return (bytes, fates)
  }
}

/// Power loss (issue 9): commits run on a real store while a simulated disk records each
/// write and fsync; crash images are built from it and recovery is checked on each: the
/// store opens (a torn tail cut) or is refused naming file and offset and `repair` fixes it;
/// every acknowledged (fsynced) transaction is there, byte for byte, and `verify` passes.
/// `STOCKROOM_POWER_CASES` sets the count and `STOCKROOM_FUZZ_SEED` the seed (random unless
/// given; printed, and named on failure). File-only: unsynced writes of the file store's files;
/// a database's durability is the server's, and a process killed mid-commit on both stores is
/// in ConcurrencyTests and ReturnsContractTests.
@Suite struct PowerLossTests {
  @Test(.timeLimit(.minutes(10))) func everyAcknowledgedTransactionSurvivesPowerLoss() throws {
    let count = FaultSuite.cases("STOCKROOM_POWER_CASES", fallback: 30)
    let seed = FuzzSeed("PowerLossTests", settings: ["STOCKROOM_POWER_CASES=\(count)"])
    let source = FaultSuite.scratchDirectory("power-source")
    try FaultSuite.base(source)
    let store = try FileStore.open(at: source, options: Support.options(snapshots: true))
    let ledgerURL = Support.ledger(source)
    let snapshotURL = source.appendingPathComponent("snapshot.bin")
    // Durable images after each commit, the write each commit made, and snapshots taken.
    var images = [try Support.bytes(ledgerURL)]
    var writes: [[UInt8]] = []
    var snapshots: [(sequence: Int, bytes: [UInt8])] = [(0, try Support.bytes(snapshotURL))]
    let indexURL = source.appendingPathComponent("index.bin")
    var indexes: [(sequence: Int, bytes: [UInt8])] = [(0, try Support.bytes(indexURL))]
    for round in 0..<30 {
      let command: Command =
        round % 3 == 0
        ? .deallocateHardware(
          account: "ACC-0001", serials: [String(format: "S%02d", round / 3)], disposition: .return,
          container: nil)
        : .assignSoftware(account: "ACC-0001", column: .mobilePass, inUse: round % 6)
      _ = try store.commit(command, context: Support.context, key: "power-\(round)")
      let after = try Support.bytes(ledgerURL)
      writes.append(Array(after[images[images.count - 1].count...]))
      images.append(after)
      if round % 5 == 4 {
        try store.writeSnapshot()
        snapshots.append((round + 1, try Support.bytes(snapshotURL)))
        indexes.append((round + 1, try Support.bytes(indexURL)))
      }
    }
    let url = FaultSuite.scratchDirectory("power")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    chmod(url.path, 0o700)
    var random = SplitMix(seed: seed.value)
    var tally: [DamageOutcome: Int] = [:]
    var problems: [String] = []
    for index in 0..<count {
      // k commits acknowledged; the next one written but not fsynced (sometimes two writes).
      let acknowledged = Int(random.next() % UInt64(writes.count))
      var disk = SimulatedDisk(images[acknowledged])
      disk.append(writes[acknowledged])
      if random.next() % 4 == 0, acknowledged + 1 < writes.count {
        disk.append(writes[acknowledged + 1])
      }
      let (bytes, fates) = disk.crash(&random)
      // Any snapshot written before the crash may be the one on disk (rename not yet synced).
      let usable = snapshots.filter { $0.sequence <= acknowledged }
      let snapshot = usable[Int(random.next() % UInt64(usable.count))]
      for name in try FileManager.default.contentsOfDirectory(atPath: url.path) {
        unlink(url.path + "/" + name)
      }
      try Support.write(bytes, to: Support.ledger(url))
      try Support.write(snapshot.bytes, to: url.appendingPathComponent("snapshot.bin"))
      // The index is written after the snapshot, so any one written before the crash (or
      // none) may be there, independently of the snapshot.
      let usableIndexes = indexes.filter { $0.sequence <= acknowledged }
      let chosen = Int(random.next() % UInt64(usableIndexes.count + 1))
      if chosen < usableIndexes.count {
        try Support.write(
          usableIndexes[chosen].bytes, to: url.appendingPathComponent("index.bin"))
      }
      let (outcome, problem) = FaultSuite.classify(
        url, ledger: Support.ledger(url).path,
        snapshot: url.appendingPathComponent("snapshot.bin").path)
      tally[outcome, default: 0] += 1
      if let problem { problems.append("case \(index) \(fates): \(problem)") }
      if outcome == .refused {
        do { _ = try FileStore.repair(at: url) } catch {
          problems.append("case \(index) \(fates): repair failed: \(error.message)")
        }
      }
      do {
        _ = try FileStore.open(at: url, options: Support.options(snapshots: true))
        let recovered = try Support.bytes(Support.ledger(url))
        let durable = images[acknowledged]
        if !recovered.starts(with: durable) {
          problems.append("case \(index) \(fates): an acknowledged transaction was lost")
        }
        let possible = images[acknowledged...].prefix(3)
        if !possible.contains(recovered) {
          problems.append("case \(index) \(fates): recovered a ledger that was never written")
        }
        let left = try FileStore.verify(at: url)
        if !left.isEmpty { problems.append("case \(index) \(fates): verify: \(left[0])") }
      } catch {
        problems.append("case \(index) \(fates): \(error)")
      }
    }
    let parts = DamageOutcome.allCases.map { "\($0.rawValue) \(tally[$0, default: 0])" }
    print(
      "fault-figure: power-loss cases \(count) (\(parts.joined(separator: ", "))), \(seed.note)")
    #expect(problems.isEmpty, "\(seed.note)\n\(problems.prefix(10).joined(separator: "\n"))")
  }
}

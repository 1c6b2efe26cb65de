import StockroomDomain

/// `verify`'s replay of the whole ledger in bounded memory (docs/DESIGN.md section 6). A
/// ledger of up to `partTokens` tokens is replayed in one pass, as opening without a snapshot
/// does. A larger one is replayed in parts: the first pass reads and decodes every record,
/// applies everything but the hardware serials (the domain's `apply`, which hands each
/// hardware item over) and writes each item's serials to the part of their hash
/// (`TokenSpill`); then each part is replayed from its file onto the state without tokens,
/// by the same `apply` of each item's step, and its tokens are checked (`TokenChecks`) and
/// digested before the next part is read. A pass holds one part's tokens, so verify's memory
/// at ten million tokens is what it is at one million, and every rule is the domain's.
///
/// What it finds is what one pass finds: the first record that cannot be read or applied
/// (the earliest over the parts, by record, item and serial), or else the same invariant
/// problems in the same order and the same fingerprint.
struct VerifyReplay {
  /// Tokens a pass holds at most, by default: about what a store of a million tokens holds.
  static let partTokens = 1_000_000
  /// Parts at most (a temporary file each).
  static let maximumParts = 256

  /// What the replay found: its problems, and what the snapshot is compared with.
  struct Outcome {
    var problems: [String]
    var fingerprint: StateFingerprint
  }

  /// The first record that cannot be read or applied: where, and in which item and serial
  /// (a failure of the first pass is after every serial of its record it handed over).
  private struct Failure {
    var offset: Int
    var item: Int
    var serial: Int
    var error: StoreError

    func precedes(_ other: Failure) -> Bool {
      (offset, item, serial) < (other.offset, other.item, other.serial)
    }
  }

  let directory: DataDirectory
  /// Read-only, without the snapshot.
  let options: FileStore.Options
  let parts: Int
  /// Told how far it has got: the ledger's bytes, then `ledgerSize / 2` more over the parts.
  let progress: (@Sendable (Int) -> Void)?

  /// How many parts for a ledger of `ledgerSize` bytes: by the tokens its snapshot holds or, at
  /// about 32 ledger bytes a token, its size, whichever is more.
  static func parts(_ directory: DataDirectory, ledgerSize: Int, partTokens: Int) -> Int {
    let tokens = max(Snapshot.tokenCount(in: directory) ?? 0, ledgerSize / 32)
    let size = max(1, partTokens)
    return min(maximumParts, max(1, (tokens + size - 1) / size))
  }

  func run(ledgerSize: Int) throws(StoreError) -> Outcome {
    var replayOptions = options
    replayOptions.progress = progress.map { report in { @Sendable read, _ in report(read) } }
    let replay = try FileStore(directory: directory, options: replayOptions)
    let audit = IndexAudit()
    replay.indexAudit = audit
    guard parts > 1 else {
      try replay.load()
      return Outcome(
        problems: problems(replay, replay.state.invariantViolations(), audit),
        fingerprint: StateFingerprint(replay.state))
    }
    let spill = try TokenSpill(
      parts: parts,
      folder: options.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp")
    replay.tokenSpill = spill
    var failure: Failure?
    do throws(StoreError) {
      try replay.load()
    } catch {
      failure = Failure(offset: replay.position.offset, item: .max, serial: 0, error: error)
    }
    try spill.finish()
    var whole = replay.state
    var checks = TokenChecks(for: whole)
    var digest = TokenDigest()
    let spilled = max(1, spill.written.reduce(0, +))
    var done = 0
    for part in 0..<parts {
      try replayPart(
        part, of: spill, onto: replay.state, failure: &failure, into: &whole, &checks, &digest
      ) { read in self.progress?(ledgerSize + (done + read) * (ledgerSize / 2) / spilled) }
      done += spill.written[part]
    }
    if let failure { throw failure.error }
    return Outcome(
      problems: problems(replay, whole.invariantViolations(tokens: checks), audit),
      fingerprint: StateFingerprint(rest: whole, tokens: digest))
  }

  /// The warnings of the replay that are problems, the invariants' and the index's.
  private func problems(_ replay: FileStore, _ invariants: [String], _ audit: IndexAudit)
    -> [String]
  {
    var problems = replay.warnings.filter { !$0.contains("missing") }
    problems += invariants
    problems += audit.problems(in: directory, ledger: replay.ledger)
    return problems
  }

  /// Replays one part's serials onto `blank` (the state without tokens), notes the earliest
  /// failure, and adds its tokens' checks, digest and the accounts' hardware counts to the
  /// whole's.
  private func replayPart(
    _ part: Int, of spill: TokenSpill, onto blank: InventoryState, failure: inout Failure?,
    into whole: inout InventoryState, _ checks: inout TokenChecks, _ digest: inout TokenDigest,
    read: (Int) -> Void
  ) throws(StoreError) {
    let ledgerPath = directory.file(FileStore.ledgerName)
    var state = blank
    let expected = spill.receipts[part]
    state.tokens.reserveCapacity(expected)
    // Each token's index in the whole table, by its index in this part's.
    var positions: [UInt32] = []
    positions.reserveCapacity(expected)
    var found = failure
    try spill.read(
      part: part,
      { (entry) throws(StoreError) -> Bool in
        if let known = found, (entry.offset, entry.item) > (known.offset, known.item) {
          return false
        }
        do throws(DomainError) {
          try state.apply(entry.step, serials: entry.serials)
        } catch {
          var serial = entry.positions.first ?? 0
          if case .unknownSerials(let names) = error, let name = names.first,
            let at = entry.serials.firstIndex(of: name)
          {
            serial = entry.positions[at]
          }
          let here = Failure(
            offset: entry.offset, item: entry.item, serial: serial,
            error: FileStore.cannotApply(
              Transaction.identifier(sequence: entry.sequence), at: entry.offset, in: ledgerPath,
              error))
          if found.map({ here.precedes($0) }) ?? true { found = here }
          return false
        }
        for slot in entry.slots where slot >= 0 { positions.append(UInt32(slot)) }
        return true
      }, read: read)
    failure = found
    guard failure == nil else { return }
    var partChecks = TokenChecks(for: state)
    for index in state.tokens.indices {
      let position = Int(positions[index])
      partChecks.check(index, of: state, at: position)
      digest.add(state.tokens[index], at: position)
    }
    checks.merge(partChecks)
    for account in whole.accounts.indices {
      for model in whole.accounts[account].hardwareAllocated.indices {
        whole.accounts[account].hardwareAllocated[model] +=
          state.accounts[account].hardwareAllocated[model]
        whole.accounts[account].hardwareInUse[model] += state.accounts[account].hardwareInUse[model]
      }
    }
  }
}

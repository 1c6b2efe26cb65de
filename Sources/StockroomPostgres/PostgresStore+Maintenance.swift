import Foundation
import PostgresNIO
import StockroomDomain
import StockroomStore

/// What `demo`, `backup` and `verify` do on a database store.
extension PostgresStore {
  /// Writes the demo data set into an initialised store that holds no transaction yet (the
  /// ledger is append-only: there is nothing to replace), the same as the file store's for the
  /// same seed, and its user map.
  public static func createDemo(
    _ url: PostgresURL, options: Options, seed: UInt64 = 1, tokens: Int = 2_000,
    now: Date? = nil, serialsPerWrite: Int = demoSerialsPerWrite
  ) throws(LedgerError) -> PostgresStore {
    var quiet = options
    quiet.progress = nil
    let store = try open(url, options: quiet)
    if store.lastSequence > 0 { throw .notEmpty(url.place) }
    var plan = DemoPlan(seed: seed, tokens: tokens, now: now, environment: options.environment)
    let total = plan.count
    while let batch = plan.nextBatch(serials: serialsPerWrite) {
      _ = try store.commitAll(batch)
      options.progress?(plan.committed, total)
    }
    try store.writeUserMap(plan.userMap)
    return store
  }

  /// Serials a demo commits in one SQL transaction at most.
  public static let demoSerialsPerWrite = 20_000

  public func backup(
    to url: URL, progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil
  ) throws(LedgerError) {
    try refresh()
    let total = Int(lastSequence)
    let copy = try FileStore.importing(
      at: url, userMap: try userMap(), options: FileStore.Options()
    ) { (add) throws(LedgerError) in
      try forEachRecord { (record) throws(LedgerError) in
        try add(Array(record.line.utf8))
        progress?(Int(record.sequence), total)
        return true
      }
    }
    if copy.lastSequence != lastSequence {
      throw .commitFailed(
        "\(url.path): the copy ends at \(copy.lastSequence), not \(lastSequence)")
    }
  }

  /// Checks every record and the chain (by replaying the whole ledger), the invariants, that
  /// `stockroom.tokens`, `stockroom.stock` and `stockroom.ledger_subjects` say what the ledger
  /// replayed says, and that this machine's local snapshot plus the tail does too. One line per
  /// problem; throws when the database cannot be read.
  public static func verify(_ url: PostgresURL, options: Options) throws(LedgerError)
    -> [String]
  {
    let store: PostgresStore
    var replay = options
    replay.useCache = false
    do throws(LedgerError) {
      store = try open(url, options: replay)
    } catch {
      if case .unavailable(let text) = error, text.hasPrefix("stockroom.ledger") {
        return [text]
      }
      throw error
    }
    defer { store.close() }
    var problems = store.state.invariantViolations()
    problems += try store.tokenProblems()
    problems += try store.stockProblems()
    problems += try store.subjectProblems()
    problems += try store.cacheProblems(options)
    return problems
  }

  /// The local snapshot plus the records after it against the full replay, when this machine
  /// has one for the store (opening with it names a mismatch or damage, and replaces it).
  private func cacheProblems(_ options: Options) throws(LedgerError) -> [String] {
    guard let name = Self.cacheName(storeId: storeId),
      FileManager.default.fileExists(
        atPath: options.dataDirectory.appendingPathComponent(name).path)
    else { return [] }
    var cached = options
    cached.useCache = true
    cached.progress = nil
    let fast = try PostgresStore.open(url, options: cached)
    defer { fast.close() }
    var problems = fast.warnings
    if fast.lastSequence > lastSequence { try refresh() }
    if fast.lastSequence < lastSequence { try fast.refresh() }
    let path = fast.cache?.path ?? name
    // Every token is read for the fingerprint, so every page is checked first.
    if fast.lastSequence == lastSequence && StateFingerprint(fast.state) != StateFingerprint(state)
    {
      problems.append("\(path) plus the database's tail differs from a full replay of the ledger")
    }
    if fast.state.snapshotTokensReplaced {
      problems.append("\(path): a page of its tokens failed its check")
    }
    return problems
  }

  /// `stockroom.tokens` against the tokens of the replayed state, row by row in serial order.
  private func tokenProblems() throws(LedgerError) -> [String] {
    var problems: [String] = []
    var rowsSeen = 0
    var after = ""
    while true {
      let rows = try run(
        """
        SELECT serial, model, state, coalesce(account, ''), container, in_use, ownership,
          needs_pin, sold
        FROM stockroom.tokens WHERE serial > \(after) ORDER BY serial LIMIT 10000
        """)
      for row in rows {
        let found: StoreMirror.TokenRow
        do {
          let (serial, model, tokenState, account, container, inUse, ownership, pin, sold) =
            try row.decode(
              (String, String, String, String, String, Bool, String, Bool, Bool).self)
          found = StoreMirror.TokenRow(
            serial: serial, model: model, state: tokenState,
            account: account.isEmpty ? nil : account, container: container, inUse: inUse,
            ownership: ownership, needsPIN: pin, sold: sold)
        } catch {
          throw .unavailable("stockroom.tokens: a row cannot be read: \(error)")
        }
        after = found.serial
        rowsSeen += 1
        let expected = state.recordedToken(serial: found.serial).map {
          StoreMirror.tokenRow($0, in: state)
        }
        if expected != found && problems.count < 20 {
          problems.append(
            "stockroom.tokens: serial \(TextRules.neutralised(found.serial)) "
              + (expected == nil ? "is not in the ledger" : "differs from the ledger replayed"))
        }
      }
      if rows.count < 10000 { break }
    }
    if rowsSeen != state.tokens.count {
      problems.append(
        "stockroom.tokens holds \(rowsSeen) serials; the ledger replayed holds "
          + "\(state.tokens.count)")
    }
    return problems
  }

  /// `stockroom.stock` against the quantities of the replayed state.
  private func stockProblems() throws(LedgerError) -> [String] {
    let rows = try run(
      "SELECT account, product, detail, quantity, in_use FROM stockroom.stock")
    var found: [StoreMirror.StockKey: StoreMirror.StockCounts] = [:]
    for row in rows {
      do {
        let (account, product, detail, quantity, inUse) = try row.decode(
          (String, String, String, Int64, Int64).self)
        found[StoreMirror.StockKey(account: account, product: product, detail: detail)] =
          StoreMirror.StockCounts(quantity: quantity, inUse: inUse)
      } catch {
        throw .unavailable("stockroom.stock: a row cannot be read: \(error)")
      }
    }
    let expected = StoreMirror.stockRows(of: state)
    let zero = StoreMirror.StockCounts(quantity: 0, inUse: 0)
    return Set(expected.keys).union(found.keys).sorted {
      ($0.account, $0.product, $0.detail) < ($1.account, $1.product, $1.detail)
    }.compactMap { key in
      guard (expected[key] ?? zero) != (found[key] ?? zero) else { return nil }
      let holder = key.account.isEmpty ? "the provider" : key.account
      return "stockroom.stock: \(holder) \(key.product) \(key.detail) differs from the ledger "
        + "replayed"
    }
  }

  /// `stockroom.ledger_subjects` against what each record is filed under, as a count and an
  /// order-free digest (the table may hold millions of rows).
  private func subjectProblems() throws(LedgerError) -> [String] {
    var expected = SubjectDigest()
    try forEachTransaction { transaction in
      let sequence = Int64(Transaction.sequence(of: transaction.transactionId) ?? 0)
      for subject in IndexSubject.subjects(of: transaction) {
        expected.add(subject.parts.kind, subject.parts.key, sequence)
      }
      return true
    }
    var found = SubjectDigest()
    var after: (String, String, Int64) = ("", "", 0)
    while true {
      let rows = try run(
        """
        SELECT kind, subject, seq FROM stockroom.ledger_subjects
        WHERE (kind, subject, seq) > (\(after.0), \(after.1), \(after.2))
        ORDER BY kind, subject, seq LIMIT 10000
        """)
      for row in rows {
        do {
          after = try row.decode((String, String, Int64).self)
        } catch {
          throw .unavailable("stockroom.ledger_subjects: a row cannot be read: \(error)")
        }
        found.add(after.0, after.1, after.2)
      }
      if rows.count < 10000 { break }
    }
    guard found != expected else { return [] }
    return [
      "stockroom.ledger_subjects holds \(found.count) entries that differ from the "
        + "\(expected.count) the ledger files"
    ]
  }
}

/// A count and an order-free sum of FNV-1a hashes of (kind, subject, seq) entries.
struct SubjectDigest: Equatable {
  var count = 0
  var sum: UInt64 = 0

  mutating func add(_ kind: String, _ subject: String, _ sequence: Int64) {
    var value: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in kind.utf8 + [0] + subject.utf8 + [0] + String(sequence).utf8 {
      value = (value ^ UInt64(byte)) &* 0x100_0000_01b3
    }
    count += 1
    sum &+= value
  }
}

import Foundation

/// The ledger read on a thread of its own while a report takes its transactions on the
/// calling one (issue 18): at 1,000,000 tokens, decoding the records and applying them cost
/// about the same, so with two cores the movements report waits for the larger of the two,
/// not their sum. A few transactions wait between the two; the reading thread stops as soon
/// as the report needs no more, and the report returns only once that thread is done with
/// the store.
final class LedgerPipe: @unchecked Sendable {
  /// Decoded transactions waiting: a record of a large receipt holds many thousands of
  /// serials, so a few are enough to keep both threads busy.
  static let capacity = 8

  private let condition = NSCondition()
  private var waiting: [Transaction] = []
  private var ended = false
  private var stopped = false
  private var failure: LedgerError?

  /// Reads every transaction of `history` on a new thread into the pipe.
  static func reading(_ history: any TransactionHistory) -> LedgerPipe {
    let pipe = LedgerPipe()
    let reader = Reader(history: history)
    let thread = Thread {
      var failure: LedgerError?
      do throws(LedgerError) {
        try reader.history.forEachTransaction { pipe.put($0) }
      } catch {
        failure = error
      }
      pipe.end(failure)
    }
    thread.start()
    return pipe
  }

  /// The next transaction; nil once the ledger is read (`failure` says whether it all was).
  func next() throws(LedgerError) -> Transaction? {
    condition.lock()
    defer { condition.unlock() }
    while waiting.isEmpty && !ended { condition.wait() }
    if !waiting.isEmpty {
      condition.broadcast()
      return waiting.removeFirst()
    }
    if let failure { throw failure }
    return nil
  }

  /// Tells the reading thread to stop and waits until it no longer uses the store.
  func close() {
    condition.lock()
    defer { condition.unlock() }
    stopped = true
    waiting.removeAll()
    condition.broadcast()
    while !ended { condition.wait() }
  }

  /// From the reading thread: false once the report needs no more.
  private func put(_ transaction: Transaction) -> Bool {
    condition.lock()
    defer { condition.unlock() }
    while waiting.count >= Self.capacity && !stopped { condition.wait() }
    if stopped { return false }
    waiting.append(transaction)
    condition.broadcast()
    return true
  }

  private func end(_ failure: LedgerError?) {
    condition.lock()
    defer { condition.unlock() }
    self.failure = failure
    ended = true
    condition.broadcast()
  }

  /// The store handed to the reading thread: the calling thread leaves it alone until
  /// `close` has seen that thread end.
  private struct Reader: @unchecked Sendable {
    let history: any TransactionHistory
  }
}

import Foundation
import StockroomDomain

/// A store as a command opens it, whichever keeps the ledger (the file store, or a database
/// store): the reading interface, plus what a command reports or reads whole. The files of
/// one machine (the outbox the order commits post to) stay in the data directory either way.
public protocol LedgerStore: InventoryLedger, TransactionHistory {
  /// The transactions filed under `subject`, in ledger order: every lookup by account,
  /// serial, subscription, order or warehouse is this one.
  func transactions(about subject: IndexSubject) throws(LedgerError) -> [Transaction]
  /// What opening or a lookup noticed and repaired (printed as warnings).
  var warnings: [String] { get }
  /// The outbox names of the messages this store's commits posted, oldest first.
  var posted: [String] { get }
  /// The outbox of this machine's data directory.
  var outbox: Outbox { get }
  /// Every committed transaction in order, up to `lastSequence`; `body` returns false to stop.
  func forEachTransaction(_ body: (Transaction) -> Bool) throws(LedgerError)
  /// Hands every record to `add` as the file ledger's line (without its newline), in order up
  /// to `lastSequence`, each checked as it is read (checksum, sequence, chain), none committed
  /// meanwhile: what `store migrate` copies, whichever store it copies into.
  func exportRecords(_ add: ([UInt8]) throws(LedgerError) -> Void) throws(LedgerError)
  /// A consistent copy as a file store in an empty or new directory.
  func backup(to url: URL, progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?)
    throws(LedgerError)
}

extension FileStore: LedgerStore {}

extension LedgerStore {
  public func transactions(account: String) throws(LedgerError) -> [Transaction] {
    try transactions(about: .account(account))
  }

  public func transactions(serial: String) throws(LedgerError) -> [Transaction] {
    try transactions(about: .serial(serial))
  }

  public func transactions(subscription: String) throws(LedgerError) -> [Transaction] {
    try transactions(about: .lookup(subscription: subscription))
  }

  public func transactions(order: String) throws(LedgerError) -> [Transaction] {
    try transactions(about: .order(order))
  }

  public func transactions(warehouse: String) throws(LedgerError) -> [Transaction] {
    try transactions(about: .warehouse(warehouse))
  }
}

extension Outbox {
  /// Posts the messages an order transaction's milestone sends; their names and the
  /// problems met, for the committing store to keep.
  public func post(orderMailOf transaction: Transaction, book: OrderBook) -> (
    names: [String], problems: [String]
  ) {
    post(OrderMail.messages(for: transaction, book: book))
  }
}

import StockroomDomain
import StockroomStore
import Testing

@testable import Wizards

/// A store that loses its connection when told to: before a commit reaches it (nothing
/// applied) or after (applied, its answer lost), as a database store's server can.
final class LosingLedger: ConnectedLedger {
  enum Loss { case beforeCommit, afterCommit }
  let store: FileStore
  /// What the next commit meets.
  var loss: Loss?
  private(set) var connectionLoss: String?
  private(set) var commits = 0

  init(_ store: FileStore) { self.store = store }

  /// The server answers again.
  func reconnect() {
    loss = nil
    connectionLoss = nil
  }

  var state: InventoryState { store.state }
  var lastSequence: UInt64 { store.lastSequence }
  func refresh() throws(LedgerError) -> Bool { try store.refresh() }
  func commit(_ command: Command, context: TransactionContext, key: String)
    throws(LedgerError) -> CommitResult
  {
    commits += 1
    if loss == .beforeCommit { throw lose() }
    let result = try store.commit(command, context: context, key: key)
    if loss == .afterCommit { throw lose() }
    return result
  }
  func commitGroup(_ members: [GroupMember], key: String) throws(LedgerError) -> [CommitResult] {
    commits += 1
    if loss == .beforeCommit { throw lose() }
    let results = try store.commitGroup(members, key: key)
    if loss == .afterCommit { throw lose() }
    return results
  }
  private func lose() -> LedgerError {
    connectionLoss = "db.example:5432/stock: Connection reset by peer"
    return .unavailable("lost db.example:5432/stock during the commit")
  }
  func transaction(id: String) throws(LedgerError) -> Transaction? {
    try store.transaction(id: id)
  }
  func transactions(account: String) throws(LedgerError) -> [Transaction] {
    try store.transactions(account: account)
  }
  func transactions(serial: String) throws(LedgerError) -> [Transaction] {
    try store.transactions(serial: serial)
  }
  func transactions(subscription: String) throws(LedgerError) -> [Transaction] {
    try store.transactions(subscription: subscription)
  }
  func transactions(order: String) throws(LedgerError) -> [Transaction] {
    try store.transactions(order: order)
  }
  func transactions(warehouse: String) throws(LedgerError) -> [Transaction] {
    try store.transactions(warehouse: warehouse)
  }
  func userMap() throws(LedgerError) -> UserMap { try store.userMap() }
}

/// Connection loss on screen (issue 16): the status line says the connection is lost and
/// that it is retrying, the answers stay, and a commit whose outcome was not seen is settled
/// by its key once the store answers: never applied twice, never lost.
@Suite(.serialized) struct ConnectionLossTests {
  /// The receive wizard of MobilePASS on Confirm (250 tokens), its answers given.
  func onConfirm() throws -> (DeallocationScreenTests.Session, LosingLedger) {
    let session = try AllocationScreenTests().inventory()
    let ledger = LosingLedger(try DemoFixture.store())
    session.app.context.store = ledger
    session.press(.text("r"))
    for _ in 0..<4 { session.press(.key(.right)) }
    session.press(.key(.tab), .key(.down))
    for _ in 0..<5 { session.press(.key(.tab)) }
    session.press(.key(.enter), .text("250"), .key(.tab), .key(.enter))
    return (session, ledger)
  }

  @Test(arguments: [LosingLedger.Loss.afterCommit, .beforeCommit])
  func aCommitWhoseOutcomeWasNotSeenIsSettledByItsKeyOnce(loss: LosingLedger.Loss) throws {
    let (session, ledger) = try onConfirm()
    let before = ledger.lastSequence
    let confirm = session.text
    let title = session.app.current.title
    ledger.loss = loss
    session.press(.key(.enter))
    let pending = try #require(session.app.unsettledCommit)
    #expect(ledger.lastSequence == before + (loss == .afterCommit ? 1 : 0))
    #expect(
      session.text.contains(
        "Connection lost during the commit; retrying, then it is settled by its key."),
      "\(session.text)")
    // Keys wait for the outcome; the answers stay as they were.
    session.press(.key(.tab), .key(.escape))
    #expect(session.app.unsettledCommit != nil)
    #expect(session.app.leaveQuestion == nil)
    #expect(session.app.current.title == title)
    // Still lost: the retry keeps it unsettled, with the same key.
    let retried = session.app.settleCommit()
    #expect(retried == nil)
    #expect(session.app.unsettledCommit?.key == pending.key)

    ledger.reconnect()
    let outcome = session.app.settleCommit()
    let settled = try #require(outcome)
    guard case .committed(let transaction) = settled else {
      Issue.record("not committed: \(settled)")
      return
    }
    #expect(ledger.lastSequence == before + 1, "applied exactly once")
    #expect(transaction.key == pending.key)
    #expect(transaction.transactionId == Transaction.identifier(sequence: before + 1))
    #expect(session.text.contains("Transaction ID \(transaction.transactionId)"))
    #expect(session.app.unsettledCommit == nil)
    #expect(!session.text.contains("Connection lost"))
    #expect(confirm.contains("250"))
  }

  @Test func aLostConnectionIsSaidOnTheStatusLineAndTheAnswersStay() throws {
    let (session, _) = try onConfirm()
    let confirm = session.text
    session.app.context.connectionLost = true
    let lost = session.text
    #expect(lost.contains("Connection to the store lost; retrying. Your answers are kept."))
    let lines = lost.split(separator: "\n", omittingEmptySubsequences: false)
    let status = lines[session.app.size.height - 2]
    #expect(status.contains("Connection to the store lost"), "the status line: \(status)")
    session.app.context.connectionLost = false
    #expect(session.text == confirm)
  }

  @Test func theLineModeSaysALostConnectionOnceAndItsReturnOnce() throws {
    let (session, _) = try onConfirm()
    var lines = LineSession()
    #expect(lines.connectionNews(session.app).isEmpty)
    session.app.context.connectionLost = true
    #expect(
      lines.connectionNews(session.app) == [
        "Error: Connection to the store lost; retrying. Your answers are kept."
      ])
    #expect(lines.connectionNews(session.app).isEmpty)
    session.app.context.connectionLost = false
    #expect(lines.connectionNews(session.app) == ["The connection to the store is back."])
    #expect(lines.connectionNews(session.app).isEmpty)
  }
}

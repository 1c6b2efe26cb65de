import Foundation
import Glibc
import StockroomDomain

extension Outbox {
  /// The milestone part of a returns receipt's outbox name.
  public static let receiptMilestone = "returns-receipt"

  /// Posts `receipt` to `account`'s contact address through the outbox, as order mail goes
  /// (written durably now, delivered after the commit); the name written, or the problem.
  /// Nothing when the account has no contact.
  public func post(receipt: ReturnsReceipt, account: Account, time: Date) -> Result<
    String?, StoreError
  > {
    guard let contact = account.contact?.filter({ !$0.isWhitespace && $0 != "<" && $0 != ">" }),
      !contact.isEmpty
    else { return .success(nil) }
    if let problem = prepare() { return .failure(.unavailable(problem)) }
    let headers: [(String, String)] = [
      ("Date", OrderMail.date(time)), ("From", from),
      ("To", "\(OrderMail.encoded(account.name)) <\(contact)>"),
      (
        "Subject", OrderMail.encoded("Returns receipt \(receipt.transactionId) for \(account.name)")
      ),
      ("Message-ID", "<\(receipt.transactionId).receipt.\(account.code)@stockroom.invalid>"),
      ("MIME-Version", "1.0"), ("Content-Type", "text/plain; charset=utf-8"),
      ("Content-Transfer-Encoding", "8bit"), ("X-Stockroom-Order", account.code),
      ("X-Stockroom-Milestone", Self.receiptMilestone),
      ("X-Stockroom-Transaction", receipt.transactionId),
    ]
    var text = ""
    for (name, value) in headers { text += OrderMail.fold(name + ": " + value) + "\r\n" }
    text += "\r\n"
    for line in receipt.lines { text += line + "\r\n" }
    let name = OutboxName(
      time: Int(time.timeIntervalSince1970), transactionId: receipt.transactionId,
      order: account.code, milestone: Self.receiptMilestone, pid: getpid()
    ).text
    if let problem = write(Array(text.utf8), into: newFolder, name: name) {
      return .failure(.unavailable(problem))
    }
    _ = POSIXFile.syncDirectory(newFolder)
    return .success(name)
  }
}

extension OutboxName {
  init(time: Int, transactionId: String, order: String, milestone: String, pid: Int32) {
    self.time = time
    self.transactionId = transactionId
    self.order = order
    self.milestone = milestone
    self.pid = pid
  }
}

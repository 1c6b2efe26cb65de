import Foundation

/// A message's file name in the outbox, which says what it is without opening it:
/// `TIME.TRANSACTION.ORDER.MILESTONE.PID.stockroom`, unique as maildir wants. A name in
/// another form (an older outbox) is read from the message's headers instead.
struct OutboxName: Equatable {
  var time: Int
  var transactionId: String
  var order: String
  var milestone: String
  var pid: Int32

  init(mail: OrderMail, pid: Int32) {
    time = Int(mail.time.timeIntervalSince1970)
    transactionId = mail.transactionId
    order = mail.order
    milestone = mail.milestone.rawValue
    self.pid = pid
  }

  /// Parses a name in `new/` or `cur/` (the maildir info after `:` is ignored).
  init?(_ name: String) {
    let base = Self.base(name)
    let parts = base.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    guard parts.count == 6, parts[5] == "stockroom", let time = Int(parts[0]),
      let pid = Int32(parts[4]), !parts[1].isEmpty, !parts[2].isEmpty, !parts[3].isEmpty
    else { return nil }
    self.time = time
    transactionId = parts[1]
    order = parts[2]
    milestone = parts[3]
    self.pid = pid
  }

  var text: String { "\(time).\(transactionId).\(order).\(milestone).\(pid).stockroom" }

  /// The name without the maildir info (`:2,P`).
  static func base(_ name: String) -> String {
    name.firstIndex(of: ":").map { String(name[..<$0]) } ?? name
  }
}

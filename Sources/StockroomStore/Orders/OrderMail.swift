import Foundation
import StockroomDomain

/// One notification about an order: who gets it and what it says, rendered as an RFC 5322
/// message.
public struct OrderMail: Sendable, Equatable {
  public var milestone: OrderMilestone
  public var order: String
  public var transactionId: String
  public var time: Date
  public var to: [Employee]
  public var cc: [Employee]
  public var subject: String
  public var body: [String]

  /// The messages a committed order transaction sends, read against the state after it.
  public static func messages(for transaction: Transaction, book: OrderBook) -> [OrderMail] {
    guard let change = transaction.order, let number = change.number,
      let order = book.order(number)
    else { return [] }
    let time = ProcessIdentity.parse(transaction.time) ?? Date(timeIntervalSince1970: 0)
    guard let event = change.order != nil ? order.timeline.first : change.event else { return [] }
    let comment = change.event?.comment ?? order.timeline.first?.comment ?? ""
    return book.notices(of: event, order: order).map { notice in
      OrderMail(
        milestone: notice.milestone, order: order.number,
        transactionId: transaction.transactionId, time: time, to: notice.to, cc: notice.cc,
        subject: "[\(order.number)] \(notice.milestone.title): \(order.type.title) for "
          + book.name(order.employee),
        body: body(
          notice.milestone, order, book, comment: comment, actor: change.event?.actor))
    }
  }

  static func body(
    _ milestone: OrderMilestone, _ order: Order, _ book: OrderBook, comment: String,
    actor: String?
  ) -> [String] {
    var lines: [String] = []
    switch milestone {
    case .submitted: lines.append("Your order \(order.number) was submitted for approval.")
    case .approvalNeeded:
      lines.append("Order \(order.number) needs your approval.")
      lines.append("Approve or reject it: stockroom order approve \(order.number)")
    case .approved: lines.append("Order \(order.number) was approved.")
    case .rejected: lines.append("Order \(order.number) was rejected.")
    case .informationRequested:
      lines.append("Your approver needs more information about order \(order.number).")
      lines.append("Answer: stockroom order respond \(order.number) --comment TEXT")
    case .shipped:
      lines.append("Order \(order.number) has shipped.")
      lines.append("Tracking: " + order.fulfilment.tracking.joined(separator: ", "))
    case .completed: lines.append("Order \(order.number) is complete.")
    case .cancelled: lines.append("Order \(order.number) was cancelled.")
    }
    lines.append("")
    var facts: [(String, String)] = [
      ("Order", order.number), ("Type", order.type.title),
      ("For", "\(book.name(order.employee)) (\(order.employee))"),
      ("Requested by", "\(book.name(order.requestedBy)) (\(order.requestedBy))"),
      ("Approver", "\(book.name(order.approver)) (\(order.approver))"),
      ("State", order.state.title),
    ]
    if milestone == .approvalNeeded, order.chain.count > 1, let level = order.currentLevel {
      let approver = book.describe(order.chain[level].approver)
      facts.append(("Level", "\(level + 1) of \(order.chain.count): \(approver)"))
    }
    if let line = order.request.line { facts.append(("Line", line)) }
    if let number = order.fulfilment.serviceNumber { facts.append(("Service number", number)) }
    if !order.fulfilment.serials.isEmpty {
      facts.append(("IMEI/serial", order.fulfilment.serials.joined(separator: ", ")))
    }
    if let actor, actor != order.requestedBy || milestone != .submitted {
      facts.append(("By", "\(book.name(actor)) (\(actor))"))
    }
    if !comment.isEmpty { facts.append(("Comment", comment)) }
    for (label, value) in facts {
      lines += wrap(label.padding(toLength: 15, withPad: " ", startingAt: 0) + value)
    }
    lines.append("")
    lines.append("-- ")
    lines.append("Stockroom wireless orders")
    return lines
  }

  /// Wraps a line at 76 characters on spaces.
  static func wrap(_ text: String) -> [String] {
    var lines: [String] = []
    var current = ""
    for word in text.split(separator: " ", omittingEmptySubsequences: false) {
      if !current.isEmpty && current.count + 1 + word.count > 76 {
        lines.append(current)
        current = String(repeating: " ", count: 15) + word
      } else {
        current += (current.isEmpty ? "" : " ") + word
      }
    }
    lines.append(current)
    return lines
  }

  /// The message as RFC 5322 text with CRLF line ends.
  public func rendered(from: String) -> String {
    var headers: [(String, String)] = [
      ("Date", Self.date(time)), ("From", from),
      ("To", to.map(Self.address).joined(separator: ", ")),
    ]
    if !cc.isEmpty { headers.append(("Cc", cc.map(Self.address).joined(separator: ", "))) }
    headers += [
      ("Subject", Self.encoded(subject)),
      ("Message-ID", "<\(transactionId).\(milestone.rawValue).\(order)@stockroom.invalid>"),
      ("MIME-Version", "1.0"), ("Content-Type", "text/plain; charset=utf-8"),
      ("Content-Transfer-Encoding", "8bit"), ("X-Stockroom-Order", order),
      ("X-Stockroom-Milestone", milestone.rawValue), ("X-Stockroom-Transaction", transactionId),
    ]
    var text = ""
    for (name, value) in headers { text += Self.fold(name + ": " + value) + "\r\n" }
    text += "\r\n"
    for line in body { text += TextRules.neutralised(line) + "\r\n" }
    return text
  }

  /// `Name <address>`, the name quoted or encoded as needed.
  static func address(_ employee: Employee) -> String {
    let name = TextRules.neutralised(employee.name)
    let plain = name.unicodeScalars.allSatisfy {
      $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == " ")
    }
    let shown: String
    if plain {
      shown = name
    } else if name.unicodeScalars.allSatisfy({ $0.isASCII }) {
      shown =
        "\""
        + name.replacingOccurrences(of: "\\", with: "\\\\")
        .replacingOccurrences(of: "\"", with: "\\\"") + "\""
    } else {
      shown = encoded(name)
    }
    return "\(shown) <\(employee.email.filter { !$0.isWhitespace && $0 != "<" && $0 != ">" })>"
  }

  /// An RFC 2047 encoded word when the text is not plain ASCII.
  static func encoded(_ text: String) -> String {
    let safe = TextRules.neutralised(text)
    if safe.unicodeScalars.allSatisfy({ $0.isASCII }) { return safe }
    return "=?utf-8?B?" + Data(safe.utf8).base64EncodedString() + "?="
  }

  /// Folds a header line longer than 78 characters at spaces.
  static func fold(_ line: String) -> String {
    guard line.count > 78 else { return line }
    var out = ""
    var current = ""
    for word in line.split(separator: " ", omittingEmptySubsequences: false) {
      if !current.isEmpty && current.count + 1 + word.count > 78 {
        out += current + "\r\n"
        current = " " + word
      } else {
        current += (current.isEmpty ? "" : " ") + word
      }
    }
    return out + current
  }

  /// RFC 5322 date in UTC.
  static func date(_ date: Date) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
    return formatter.string(from: date)
  }
}

import Foundation
import StockroomDomain

extension Outbox {
  /// The messages of the outbox with where each stands, in the order they were written; only
  /// those of `order` when given, only those in `states`.
  public func deliveries(
    order: String? = nil, states: Set<MailDelivery.State> = Set(MailDelivery.State.allCases)
  ) -> [MailDelivery] {
    let notes = Set(names(in: failedFolder))
    var found: [(String, MailDelivery)] = []
    if !states.isDisjoint(with: [.pending, .failed]) {
      let waiting =
        states.contains(.pending)
        ? names(in: newFolder)
        : notes.sorted().filter { POSIXFile.exists(newFolder + "/" + $0) }
      for name in waiting {
        let state: MailDelivery.State = notes.contains(name) ? .failed : .pending
        guard states.contains(state),
          let delivery = delivery(name, in: newFolder, state: state, order: order)
        else { continue }
        found.append((name, delivery))
      }
    }
    if states.contains(.delivered) {
      for name in names(in: curFolder) {
        guard let delivery = delivery(name, in: curFolder, state: .delivered, order: order)
        else { continue }
        found.append((OutboxName.base(name), delivery))
      }
    }
    return found.sorted { $0.0 < $1.0 }.map(\.1)
  }

  /// One message as a delivery, or nil when it belongs to another order than `order`.
  private func delivery(
    _ name: String, in folder: String, state: MailDelivery.State, order: String?
  ) -> MailDelivery? {
    let parsed = OutboxName(name)
    if let order, let parsed, parsed.order != order { return nil }
    let headers = Self.headers(of: folder + "/" + name)
    let number = parsed?.order ?? headers["X-Stockroom-Order"] ?? ""
    if let order, number != order { return nil }
    let note = state == .failed ? failureNote(name) : nil
    return MailDelivery(
      order: number,
      milestone: parsed?.milestone ?? headers["X-Stockroom-Milestone"] ?? "",
      transactionId: parsed?.transactionId ?? headers["X-Stockroom-Transaction"] ?? "",
      to: Self.addresses(headers["To"] ?? ""), state: state, attempts: note?.attempts ?? 0,
      error: note?.error)
  }

  /// The header fields of a message (folded lines joined), read from its first 16 KiB.
  static func headers(of file: String) -> [String: String] {
    guard let handle = FileHandle(forReadingAtPath: file) else { return [:] }
    defer { try? handle.close() }
    let data = (try? handle.read(upToCount: 16_384)) ?? Data()
    let text = String(decoding: data, as: UTF8.self)
    let head = text.range(of: "\r\n\r\n").map { String(text[..<$0.lowerBound]) } ?? text
    var fields: [String: String] = [:]
    var last: String?
    for line in head.components(separatedBy: "\r\n") {
      if line.first == " " || line.first == "\t", let name = last {
        fields[name, default: ""] += line
        continue
      }
      guard let colon = line.firstIndex(of: ":") else { continue }
      let name = String(line[..<colon])
      fields[name] = String(line[line.index(after: colon)...])
        .trimmingCharacters(in: .whitespaces)
      last = name
    }
    return fields
  }

  /// The addresses in angle brackets of a `To` field.
  static func addresses(_ field: String) -> [String] {
    var found: [String] = []
    var rest = Substring(field)
    while let open = rest.firstIndex(of: "<"),
      let close = rest[open...].firstIndex(of: ">")
    {
      let address = rest[rest.index(after: open)..<close]
      if !address.isEmpty && !address.contains(" ") { found.append(String(address)) }
      rest = rest[rest.index(after: close)...]
    }
    return found
  }
}

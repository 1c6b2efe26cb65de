import Foundation
import StockroomDomain
import TerminalUI

/// One order: what it asks for, who decides, what fulfilment recorded, and its timeline (every
/// step with who, when and comment). The keys offer the steps the acting employee may take.
public struct OrderDetailScreen: Screen {
  public let number: String
  public let session: OrderSession

  public init(number: String, session: OrderSession) {
    self.number = number
    self.session = session
  }

  public var title: String { number }

  public var help: String {
    """
    The order with its timeline. Submitted orders wait for the approver, who approves (a), \
    rejects (r) or asks for more information (i); the requester answers (p) and the order \
    returns to approval. Approval moves it to fulfilment, where the support desk records the \
    new service number, IMEI or serial numbers and tracking numbers (f) and completes it (d); \
    the inventory then updates itself. Assign or reassign completes on approval. Requester, \
    approver or support desk may cancel (c) an open order. Each milestone sends an email, and \
    the timeline marks each step that sent one with the seed's e-mail icon (✉) and whom it \
    went to; one \
    that could not be delivered is named here in red, and the next Stockroom (or \
    `stockroom outbox deliver`) tries it again.
    """
  }

  /// The steps the acting employee may take on the order now.
  func steps(_ context: AppContext) -> [(Character, OrderStep)] {
    let book = context.state.orders
    guard let order = book.order(number) else { return [] }
    let me = session.actor
    let desk = book.employee(me)?.supportDesk == true
    let requester = me == order.requestedBy || me == order.employee
    let decides = book.mayDecide(order, me)
    var steps: [(Character, OrderStep)] = []
    switch order.state {
    case .pendingApproval where decides:
      steps = [("a", .approve), ("r", .reject), ("i", .requestInfo)]
    case .informationRequested:
      if requester { steps.append(("p", .respond)) }
      if decides { steps.append(("r", .reject)) }
    case .inFulfilment where desk:
      steps = [("f", .fulfil), ("d", .complete)]
    default: break
    }
    if order.state.isOpen && (requester || desk || decides || me == order.approver) {
      steps.append(("c", .cancel))
    }
    return steps
  }

  public var keyBindings: [KeyBinding] {
    [KeyBinding("a r i p f d c", "steps offered below"), .back]
  }

  public mutating func update(_ key: Key, context: AppContext) -> Effect {
    guard case .character(let pressed) = key,
      let step = steps(context).first(where: { $0.0 == pressed })?.1
    else { return .none }
    if step == .fulfil {
      return .push(FulfilmentScreen(number: number, session: session))
    }
    return .push(OrderStepScreen(number: number, step: step, session: session))
  }

  public func view(into buffer: inout Buffer, in rect: Rect, context: AppContext) {
    let book = context.state.orders
    Box.draw(into: &buffer, rect, title: "Order \(number)")
    guard let order = book.order(number) else {
      buffer.put("No such order.", x: rect.x + 2, y: rect.y + 1, style: .error)
      return
    }
    let inside = rect.inset(by: 1)
    let failed = context.failedMail.filter { $0.order == number }
    let below = failed.isEmpty ? 1 : 4
    let left = Rect(x: inside.x + 1, y: inside.y, width: 44, height: inside.height - below)
    OrderRowsView.draw(book.rows(order), into: &buffer, in: left, labelWidth: 15)
    let right = Rect(
      x: left.maxX + 1, y: inside.y, width: inside.maxX - left.maxX - 2,
      height: inside.height - below)
    buffer.put("Timeline", x: right.x, y: right.y, style: .title, clip: right)
    Self.drawTimeline(
      order, book: book, into: &buffer,
      in: Rect(x: right.x, y: right.y + 1, width: right.width, height: right.height - 1),
      timeZone: context.timeZone)
    Self.drawFailures(failed, into: &buffer, at: inside.maxY - 4, in: inside)
    let offered = steps(context).map { "\($0.0) \($0.1.verb)" }
    let line = offered.isEmpty ? Self.noStep : offered.joined(separator: " · ")
    buffer.put(line, x: inside.x + 1, y: inside.maxY - 1, style: .hint, clip: inside)
  }
}

extension OrderDetailScreen {
  static let noStep = "No step is yours to take."

  /// "Approve, Priya Raman: fine for this quarter": one step of the timeline.
  static func event(_ event: OrderEvent, book: OrderBook) -> String {
    var text = "\(event.step.title), \(book.name(event.actor))"
    if !event.comment.isEmpty { text += ": " + event.comment }
    return text
  }

  /// The timeline's newest entries that fit: when, the step with who and comment, and the
  /// seed's e-mail mark with whom a step notified.
  static func drawTimeline(
    _ order: Order, book: OrderBook, into buffer: inout Buffer, in area: Rect,
    timeZone: TimeZone
  ) {
    let width = area.width - 1
    let notified = book.notified(along: order)
    var entries: [(when: String, lines: [String], mail: [String])] = []
    for (event, people) in zip(order.timeline, notified) {
      let text = Self.event(event, book: book)
      let mail = people.isEmpty ? [] : ["✉ " + people.map(\.name).joined(separator: ", ")]
      entries.append(
        (
          TimeText.local(event.time, in: timeZone),
          TextLayout.wrap(TextSafety.neutralised(text), width: width),
          mail.flatMap { TextLayout.wrap(TextSafety.neutralised($0), width: width) }
        ))
    }
    var shown = 0
    var used = 0
    for entry in entries.reversed() {
      let height = 1 + entry.lines.count + entry.mail.count
      guard used + height <= area.height else { break }
      used += height
      shown += 1
    }
    var y = area.y
    for entry in entries.suffix(shown) {
      buffer.put(entry.when, x: area.x, y: y, style: .hint, clip: area)
      y += 1
      for line in entry.lines {
        buffer.put(line, x: area.x + 1, y: y, clip: area)
        y += 1
      }
      for line in entry.mail {
        buffer.put(line, x: area.x + 1, y: y, style: .hint, clip: area)
        y += 1
      }
    }
  }

  /// Three lines about the order's mail that could not be delivered: which, to whom, and why.
  static func drawFailures(
    _ failed: [MailDelivery], into buffer: inout Buffer, at y: Int, in area: Rect
  ) {
    guard let (text, reason) = failure(failed) else { return }
    let width = area.width - 3
    buffer.put(
      TextLayout.truncate(TextSafety.neutralised(text), to: width), x: area.x + 1, y: y,
      style: .error, clip: area)
    _ = buffer.putWrapped(
      reason, in: Rect(x: area.x + 2, y: y + 1, width: width, height: 2), style: .hint)
  }

  /// Which mail failed, to whom and how often, and why (the first failure's reason).
  static func failure(_ failed: [MailDelivery]) -> (String, String)? {
    guard let first = failed.first else { return nil }
    let tries = first.attempts == 1 ? "tried once" : "tried \(first.attempts) times"
    var text = "Mail failed: \(first.milestoneTitle) to \(first.to.joined(separator: ", "))"
    text += failed.count > 1 ? " and \(failed.count - 1) more" : ", " + tries
    return (text, TextSafety.neutralised(first.error ?? ""))
  }
}

extension OrderStep {
  /// The step as the key hint says it.
  var verb: String {
    switch self {
    case .submit: return "submit"
    case .approve: return "approve"
    case .reject: return "reject"
    case .cancel: return "cancel"
    case .requestInfo: return "request info"
    case .respond: return "answer"
    case .fulfil: return "fulfilment update"
    case .complete: return "complete"
    }
  }
}

/// One workflow step on an order: what will change, a comment, Enter commits.
public struct OrderStepScreen: Screen {
  public let number: String
  public let step: OrderStep
  public let session: OrderSession
  private(set) var comment = TextField(width: 50, maxLength: TextRules.commentLimit)
  private(set) var outcome: CommitOutcome?
  private let key = UUID().uuidString

  public init(number: String, step: OrderStep, session: OrderSession) {
    self.number = number
    self.step = step
    self.session = session
  }

  public var title: String { step.title }
  public var help: String {
    "Type a comment (required to reject, to ask for information and to answer) and press "
      + "Enter to commit the step; it is recorded with who and when, and the email goes out."
  }
  public var keyBindings: [KeyBinding] { [KeyBinding("Enter", "commit"), .back] }
  public var isEditingText: Bool { outcome == nil }
  public var hasAnswers: Bool { outcome == nil && !comment.text.isEmpty }

  public var status: StatusLine? {
    switch outcome {
    case .committed(let transaction)?:
      return StatusLine("Committed as \(transaction.transactionId). Esc goes back.", kind: .success)
    case .refused(let why)?, .conflict(let why)?: return StatusLine(why, kind: .error)
    case nil: return comment.error.map { StatusLine($0, kind: .error) }
    }
  }

  func command(_ context: AppContext) -> Command {
    .order(
      .step(
        step, order: number, actor: session.actor, at: OrderSession.iso(context.now),
        comment: comment.text))
  }

  public mutating func update(_ key: Key, context: AppContext) -> Effect {
    if case .committed = outcome { return key == .enter ? .pop : .none }
    if key == .enter {
      return .commit(
        PendingCommit(
          command: command(context), comment: comment.text, performedBy: session.actor,
          key: self.key))
    }
    _ = comment.update(key)
    outcome = nil
    return .none
  }

  public mutating func committed(_ outcome: CommitOutcome, context: AppContext) {
    self.outcome = outcome
  }

  public func cursor(in rect: Rect) -> Point? {
    outcome == nil ? comment.cursorPosition(in: Self.fieldRect(rect)) : nil
  }

  static func fieldRect(_ rect: Rect) -> Rect {
    Rect(x: rect.x + 17, y: rect.maxY - 4, width: 52, height: 1)
  }

  public func view(into buffer: inout Buffer, in rect: Rect, context: AppContext) {
    Box.draw(into: &buffer, rect, title: "\(step.title) · \(number)")
    let inside = rect.inset(by: 1)
    let area = Rect(
      x: inside.x + 1, y: inside.y, width: inside.width - 2, height: inside.height - 5)
    OrderRowsView.draw(facts(context), into: &buffer, in: area)
    buffer.put("Comment", x: inside.x + 1, y: rect.maxY - 4, style: .hint, clip: inside)
    comment.render(into: &buffer, in: Self.fieldRect(rect), focused: outcome == nil)
  }

  /// The order, who takes the step, and the state it leaves the order in (or why not).
  func facts(_ context: AppContext) -> [(String, String)] {
    let book = context.state.orders
    var rows: [(String, String)] = []
    if let order = book.order(number) { rows = Array(book.rows(order).prefix(9)) }
    rows.append(("By", book.person(session.actor)))
    let next: String
    do throws(DomainError) {
      let change = try validate(command(context), against: context.state)
      next = change.order?.event?.state.title ?? ""
    } catch {
      next = "refused: " + error.message
    }
    if case .committed = outcome {
      rows.append(("Now", book.order(number)?.state.title ?? ""))
    } else {
      rows.append(("Afterwards", next))
    }
    return rows
  }
}

/// The delete requests: each type's words, details, checks and completion.
extension OrderTypeSpec {
  static let suspend = OrderTypeSpec(
    "Suspend line", group: .delete, explanation: "Temporarily suspend an active line of service.",
    fields: [.line, .comment], usage: "--line",
    check: { check, request, _ throws(DomainError) in try check.active(check.line(request.line)) },
    complete: { completion throws(DomainError) in
      var line = try completion.line()
      line.state = .suspended
      return OrderEffect(lines: [line])
    })

  static let disconnect = OrderTypeSpec(
    "Disconnect line", group: .delete, explanation: "Disconnect the line of service.",
    fields: [.line, .comment], usage: "--line", offersLine: { $0 != .disconnected },
    check: { check, request, _ throws(DomainError) in
      let line = try check.line(request.line)
      if line.state == .disconnected {
        throw .orderRule("line \(line.number) is already disconnected")
      }
    },
    complete: { completion throws(DomainError) in
      var line = try completion.line()
      line.state = .disconnected
      line.disconnectedOn = completion.today
      return OrderEffect(lines: [line])
    })

  static let stipendRemove = OrderTypeSpec(
    "Remove from stipend", group: .delete,
    explanation: "Remove the user from the stipend plan reimbursement program.",
    fields: [.employee, .comment], usage: "[--employee]",
    check: { _, _, employee throws(DomainError) in
      if !employee.stipend { throw .orderRule("\(employee.id) is not in the stipend program") }
    },
    complete: { completion throws(DomainError) in try completion.stipend(false) })
}

extension InventoryState {
  /// The orders area's invariants, one line each.
  func orderViolations() -> [String] {
    let book = orders
    var problems: [String] = []
    for employee in book.employees {
      if let approver = employee.approver {
        if approver == employee.id { problems.append("\(employee.id) approves their own orders") }
        if book.employee(approver) == nil {
          problems.append("\(employee.id) has unknown approver \(approver)")
        }
      }
    }
    for order in book.orders {
      if order.approver == order.requestedBy {
        problems.append("\(order.number) is approved by its own requester")
      }
      if order.timeline.last?.state != order.state {
        problems.append("\(order.number) state differs from its timeline")
      }
    }
    for line in book.lines {
      if let serial = line.device {
        if let device = book.device(serial) {
          if device.line != line.number || device.state != .assigned {
            problems.append("line \(line.number) is on \(serial), which is not on the line")
          }
        } else {
          problems.append("line \(line.number) is on unknown device \(serial)")
        }
      }
      if (line.state == .disconnected) != (line.disconnectedOn != nil) {
        problems.append("line \(line.number) disconnect date does not match its state")
      }
      if let employee = line.employee, book.employee(employee) == nil {
        problems.append("line \(line.number) is assigned to unknown \(employee)")
      }
    }
    for device in book.devices {
      if device.state == .inStock && (device.line != nil || device.employee != nil) {
        problems.append("device \(device.serial) is in stock but assigned")
      }
      if let number = device.line, book.line(number)?.device != device.serial {
        problems.append("device \(device.serial) names line \(number), which is elsewhere")
      }
    }
    var numbers = Set<String>()
    for line in book.lines where !numbers.insert(line.number).inserted {
      problems.append("line \(line.number) is listed twice")
    }
    for accessory in book.accessories where accessory.inStock < 0 {
      problems.append("accessory \(accessory.code) stock is below zero")
    }
    return problems
  }
}

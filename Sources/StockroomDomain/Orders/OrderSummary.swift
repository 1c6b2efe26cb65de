/// The words an order is described with, shared by the Confirm step, the headless summary and
/// the detail screen: label and value rows.
extension OrderBook {
  /// An employee as `Name (EMP-0001)`.
  public func person(_ id: String) -> String {
    guard let found = employee(id) else { return id }
    return "\(found.name) (\(found.id))"
  }

  /// What a request asks for, as label and value rows (only what its type uses).
  public func rows(_ request: OrderRequest) -> [(String, String)] {
    var rows: [(String, String)] = [
      ("Type", request.type.title), ("For", person(request.employee)),
    ]
    if let number = request.line {
      var text = number
      if let line = line(number) {
        text += " (\(vendor(line.vendor)?.name ?? line.vendor), \(line.state.rawValue))"
      }
      rows.append(("Line", text))
    }
    if let code = request.vendor {
      rows.append((request.type.spec.vendorLabel, vendor(code)?.name ?? code))
    }
    let planVendor = request.vendor ?? request.line.flatMap { line($0)?.vendor }
    let planName = { (code: String, kind: Plan.Kind) -> String in
      guard let vendor = planVendor.flatMap({ self.vendor($0) }),
        let plan = vendor.plan(code, kind: kind)
      else { return code }
      return "\(plan.name) (\(plan.code))"
    }
    if let voice = request.voicePlan { rows.append(("Voice plan", planName(voice, .voice))) }
    if let data = request.dataPlan { rows.append(("Data plan", planName(data, .data))) }
    if let model = request.model { rows.append(("New device", model)) }
    if let serial = request.device {
      let model = device(serial)?.model ?? ""
      rows.append((request.type.spec.deviceLabel, model.isEmpty ? serial : "\(model) \(serial)"))
    }
    if !request.addFeatures.isEmpty {
      rows.append(("Add features", request.addFeatures.joined(separator: ", ")))
    }
    if !request.removeFeatures.isEmpty {
      rows.append(("Remove features", request.removeFeatures.joined(separator: ", ")))
    }
    if let code = request.accessory {
      rows.append(("Accessory", "\(accessory(code)?.name ?? code) × \(request.quantity ?? 1)"))
    }
    if let issue = request.issue { rows.append(("Issue", issue.title)) }
    if let liability = request.liability { rows.append(("Transfer to", liability.rawValue)) }
    if let condition = request.oldCondition { rows.append(("Old device", condition)) }
    if request.type.completesOnApproval {
      rows.append(("Fulfilment", "none: completes on approval"))
    }
    return rows
  }

  /// What an order is: its request, who decides, where it is and what fulfilment recorded.
  public func rows(_ order: Order) -> [(String, String)] {
    var rows: [(String, String)] = [("Order", order.number), ("State", order.state.title)]
    rows += self.rows(order.request)
    rows.append(("Requested by", person(order.requestedBy)))
    if let price = order.price { rows.append(("Price", price)) }
    if order.chain.count == 1 && order.chain[0].approver == .manager {
      rows.append(("Approver", person(order.approver)))
    } else {
      rows += approvalRows(order)
    }
    let done = order.fulfilment
    if let number = done.serviceNumber { rows.append(("Service number", number)) }
    if !done.serials.isEmpty { rows.append(("IMEI/serial", done.serials.joined(separator: ", "))) }
    if let sim = done.sim { rows.append(("SIM", sim)) }
    if !done.tracking.isEmpty { rows.append(("Tracking", done.tracking.joined(separator: ", "))) }
    return rows
  }

  /// The warning shown before a request is submitted (the seed's warranty text), if any.
  public func warning(_ request: OrderRequest) -> String? {
    request.type.spec.warning
  }

  /// What fulfilment still has to record before `complete`, in words; empty when ready.
  public func missing(_ order: Order) -> [String] {
    order.type.spec.missing(order)
  }
}

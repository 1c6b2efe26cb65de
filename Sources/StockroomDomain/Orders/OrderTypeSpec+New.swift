/// The new requests: each type's words, details, checks and completion.
extension OrderTypeSpec {
  static let newLine = OrderTypeSpec(
    "New device and line", group: .new,
    explanation: "This transaction results in a brand new device and line of service.",
    fields: [.employee, .vendor, .voicePlan, .dataPlan, .model, .comment],
    usage: "--vendor --voice-plan [--data-plan] --model [--add F…]", ships: true,
    check: { check, request, _ throws(DomainError) in
      let vendor = try check.vendor(request.vendor)
      request.vendor = vendor.code
      request.voicePlan = try check.plan(request.voicePlan, .voice, vendor, required: true)
      request.dataPlan = try check.plan(request.dataPlan, .data, vendor, required: false)
      request.model = try check.model()
      try check.features(request.addFeatures, vendor)
    },
    missing: { $0.fulfilment.lacks(serviceNumber: true, serial: true) },
    complete: { completion throws(DomainError) in
      let request = completion.request
      let number = try completion.serviceNumber()
      let serial = try completion.newSerial()
      let sim = completion.fulfilment.sim
      let line = Line(
        number: number, vendor: request.vendor ?? "", voicePlan: request.voicePlan,
        dataPlan: request.dataPlan, features: request.addFeatures,
        employee: request.employee, device: serial, sim: sim)
      return OrderEffect(
        lines: [line],
        devices: [completion.newDevice(serial, model: request.model ?? "", for: line)],
        sims: sim.map { [Sim(iccid: $0, line: number)] } ?? [])
    })

  static let warranty = OrderTypeSpec(
    "Warranty replacement", group: .new, explanation: OrderRules.warrantyWarning,
    fields: [.line, .issue, .comment], usage: "--line --issue defect|physical|liquid|battery",
    ships: true, warning: OrderRules.warrantyWarning,
    check: { check, request, _ throws(DomainError) in
      let line = try check.line(request.line)
      try check.warranty(line, request.issue)
    },
    missing: { $0.fulfilment.lacks(serial: true) },
    complete: { completion throws(DomainError) in
      let issue = completion.request.issue?.rawValue ?? "defect"
      return try completion.replaceDevice(condition: "defective (\(issue), warranty return)") {
        line in line.device.flatMap { completion.book.device($0)?.model } ?? ""
      }
    })

  static let accessory = OrderTypeSpec(
    "Accessory", group: .new,
    explanation: "Order a new accessory (s) like a battery, case, headset, etc., for an existing "
      + "device.",
    fields: [.line, .accessory, .quantity, .comment],
    usage: "--line --accessory CODE [--quantity N]", ships: true,
    deviceLabel: "For device", offersLine: { $0 != .disconnected },
    check: { check, request, _ throws(DomainError) in
      let device = try check.deviceOn(request.line)
      guard let code = request.accessory, let found = check.book.accessory(code) else {
        throw check.unknown("accessory", request.accessory ?? "(none: --accessory)")
      }
      guard found.fits(device.model) else {
        let fitting = check.book.accessories(for: check.book.line(request.line ?? ""))
        throw .orderRule(
          "\(found.name) (\(found.code)) does not fit the \(device.model) on line "
            + "\(request.line ?? ""); it takes "
            + (fitting.isEmpty ? "none" : fitting.map(\.code).joined(separator: ", ")))
      }
      request.accessory = found.code
      request.device = device.serial
      let quantity = request.quantity ?? 1
      guard quantity >= 1, quantity <= 20 else { throw .notPositive(quantity) }
      request.quantity = quantity
    },
    complete: { completion throws(DomainError) in
      let request = completion.request
      guard var item = request.accessory.flatMap({ completion.book.accessory($0) }) else {
        throw .unknownOrderItem(kind: "accessory", name: request.accessory ?? "(none)")
      }
      let quantity = request.quantity ?? 1
      if item.inStock < quantity {
        throw .notEnoughStock(product: item.name, requested: quantity, available: item.inStock)
      }
      item.inStock -= quantity
      return OrderEffect(
        accessories: [item],
        issues: [
          AccessoryIssue(
            accessory: item.code, quantity: quantity, employee: request.employee,
            order: completion.order.number)
        ])
    })

  static let port = OrderTypeSpec(
    "Port to another vendor", group: .new,
    explanation: "Move an active line of service from one vendor to another. The user can order a "
      + "new device if necessary, but it's not required if the device is compatible on the "
      + "network they move to.",
    fields: [.line, .vendor, .voicePlan, .dataPlan, .model, .comment], optional: [.model],
    usage: "--line --vendor --voice-plan [--data-plan] [--model]", ships: true,
    vendorLabel: "To vendor",
    check: { check, request, _ throws(DomainError) in
      let line = try check.line(request.line)
      try check.active(line)
      let vendor = try check.vendor(request.vendor)
      guard vendor.code != line.vendor else {
        throw .orderRule("line \(line.number) is already with \(vendor.name)")
      }
      request.vendor = vendor.code
      request.voicePlan = try check.plan(request.voicePlan, .voice, vendor, required: true)
      request.dataPlan = try check.plan(request.dataPlan, .data, vendor, required: false)
      if request.model != nil { request.model = try check.model() }
    },
    missing: { order in
      order.request.model == nil ? [] : order.fulfilment.lacks(serial: true)
    },
    complete: { completion throws(DomainError) in
      let request = completion.request
      var effect = OrderEffect()
      var line = try completion.line()
      line.vendor = request.vendor ?? line.vendor
      line.voicePlan = request.voicePlan
      line.dataPlan = request.dataPlan
      line.features = []
      if let model = request.model {
        let serial = try completion.newSerial()
        effect.devices = completion.returned(line, condition: request.oldCondition ?? "used")
        line.device = serial
        effect.devices.append(completion.newDevice(serial, model: model, for: line))
      }
      if let sim = completion.fulfilment.sim {
        effect.sims = [Sim(iccid: sim, line: line.number)] + completion.retiredSim(line)
        line.sim = sim
      }
      effect.lines = [line]
      return effect
    })

  static let transferLiability = OrderTypeSpec(
    "Transfer of liability", group: .new,
    explanation: "Transfer an existing service from a personal account to a corporate account OR "
      + "transfer a service billing on the corporate account to an user's personal account.",
    fields: [.line, .liability, .comment], usage: "--line --to personal|corporate",
    offersLine: { $0 != .disconnected },
    check: { check, request, _ throws(DomainError) in
      let line = try check.line(request.line)
      guard let to = request.liability else {
        throw .orderRule("Transfer of liability needs --to personal or corporate")
      }
      guard to != line.liability else {
        throw .orderRule("line \(line.number) is already on the \(to.rawValue) account")
      }
    },
    complete: { completion throws(DomainError) in
      var line = try completion.line()
      line.liability = completion.request.liability ?? line.liability
      return OrderEffect(lines: [line])
    })

  static let stipendEnrol = OrderTypeSpec(
    "Stipend enrolment", group: .new,
    explanation: "Enroll a user in the stipend plan reimbursement program.",
    fields: [.employee, .comment], usage: "[--employee]",
    check: { check, _, employee throws(DomainError) in
      guard check.book.stipend != nil else { throw .orderRule("there is no stipend program") }
      if employee.stipend { throw .orderRule("\(employee.id) is already in the stipend program") }
    },
    complete: { completion throws(DomainError) in try completion.stipend(true) })

  static let activate = OrderTypeSpec(
    "Activate in-stock device", group: .new,
    explanation: "Activate service to an In Stock device.",
    fields: [.employee, .device, .vendor, .voicePlan, .dataPlan, .comment],
    usage: "--device SERIAL --vendor --voice-plan [--data-plan]",
    check: { check, request, _ throws(DomainError) in
      let device = try check.stockDevice(request.device)
      request.device = device.serial
      let vendor = try check.vendor(request.vendor)
      request.vendor = vendor.code
      request.voicePlan = try check.plan(request.voicePlan, .voice, vendor, required: true)
      request.dataPlan = try check.plan(request.dataPlan, .data, vendor, required: false)
    },
    missing: { $0.fulfilment.lacks(serviceNumber: true) },
    complete: { completion throws(DomainError) in
      let request = completion.request
      let number = try completion.serviceNumber()
      var device = try completion.stockDevice()
      let sim = completion.fulfilment.sim
      let line = Line(
        number: number, vendor: request.vendor ?? "", voicePlan: request.voicePlan,
        dataPlan: request.dataPlan, employee: request.employee, device: device.serial, sim: sim)
      device.state = .assigned
      device.employee = request.employee
      device.line = number
      return OrderEffect(
        lines: [line], devices: [device], sims: sim.map { [Sim(iccid: $0, line: number)] } ?? [])
    })

  static let upgrade = OrderTypeSpec(
    "Upgrade", group: .new,
    explanation:
      "A new device on an existing line of service; the old device is returned to stock.",
    fields: [.line, .model, .comment], usage: "--line --model [--old-condition TEXT]",
    ships: true,
    check: { check, request, _ throws(DomainError) in
      let line = try check.line(request.line)
      try check.active(line)
      request.model = try check.model()
    },
    missing: { $0.fulfilment.lacks(serial: true) },
    complete: { completion throws(DomainError) in
      let request = completion.request
      return try completion.replaceDevice(condition: request.oldCondition ?? "used") { _ in
        request.model ?? ""
      }
    })
}

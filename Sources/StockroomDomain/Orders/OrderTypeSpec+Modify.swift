/// The modify requests: each type's words, details, checks and completion.
extension OrderTypeSpec {
  static let features = OrderTypeSpec(
    "Add or remove features", group: .modify,
    explanation: "Add or remove one or more features for an existing line of service.",
    fields: [.line, .addFeature, .removeFeature, .comment],
    usage: "--line [--add F…] [--remove F…]",
    check: { check, request, _ throws(DomainError) in
      let line = try check.line(request.line)
      let vendor = try check.vendorOf(line)
      if request.addFeatures.isEmpty && request.removeFeatures.isEmpty {
        throw .orderRule("Features needs --add or --remove")
      }
      try check.features(request.addFeatures, vendor)
      let missing = request.removeFeatures.filter { !line.features.contains($0) }
      if !missing.isEmpty {
        throw .orderRule("line \(line.number) does not have " + missing.joined(separator: ", "))
      }
      let present = request.addFeatures.filter { line.features.contains($0) }
      if !present.isEmpty {
        throw .orderRule("line \(line.number) already has " + present.joined(separator: ", "))
      }
    },
    complete: { completion throws(DomainError) in
      let request = completion.request
      var line = try completion.line()
      line.features = line.features.filter { !request.removeFeatures.contains($0) }
      line.features += request.addFeatures.filter { !line.features.contains($0) }
      return OrderEffect(lines: [line])
    })

  static let changePlan = OrderTypeSpec(
    "Change plan", group: .modify,
    explanation: "Change the voice and/or data plan for an existing line of service.",
    fields: [.line, .voicePlan, .dataPlan, .comment], usage: "--line [--voice-plan] [--data-plan]",
    check: { check, request, _ throws(DomainError) in
      let line = try check.line(request.line)
      let vendor = try check.vendorOf(line)
      request.voicePlan = try check.plan(request.voicePlan, .voice, vendor, required: false)
      request.dataPlan = try check.plan(request.dataPlan, .data, vendor, required: false)
      if request.voicePlan == nil && request.dataPlan == nil {
        throw .orderRule("Change plan needs --voice-plan and/or --data-plan")
      }
    },
    complete: { completion throws(DomainError) in
      var line = try completion.line()
      if let voice = completion.request.voicePlan { line.voicePlan = voice }
      if let data = completion.request.dataPlan { line.dataPlan = data }
      return OrderEffect(lines: [line])
    })

  static let changeNumber = OrderTypeSpec(
    "Change phone number", group: .modify,
    explanation: "Change the phone number of an existing line of service.",
    fields: [.line, .comment], usage: "--line",
    check: { check, request, _ throws(DomainError) in try check.active(check.line(request.line)) },
    missing: { $0.fulfilment.lacks(serviceNumber: true) },
    complete: { completion throws(DomainError) in
      var effect = OrderEffect()
      var line = try completion.line()
      let number = try completion.serviceNumber()
      effect.removedLines = [line.number]
      line.number = number
      effect.lines = [line]
      if let serial = line.device, var device = completion.book.device(serial) {
        device.line = number
        effect.devices = [device]
      }
      if let iccid = line.sim, var sim = completion.book.sims.first(where: { $0.iccid == iccid }) {
        sim.line = number
        effect.sims = [sim]
      }
      return effect
    })

  static let moveLine = OrderTypeSpec(
    "Line onto in-stock device", group: .modify,
    explanation: "Use this transaction when you have a device with no service, on hand (in stock) "
      + "and want to update it with an existing, active line of service.",
    fields: [.line, .device, .comment], usage: "--line --device SERIAL",
    check: { check, request, _ throws(DomainError) in
      try check.active(check.line(request.line))
      request.device = try check.stockDevice(request.device).serial
    },
    complete: { completion throws(DomainError) in
      var line = try completion.line()
      var device = try completion.stockDevice()
      var devices = completion.returned(line, condition: "used")
      device.state = .assigned
      device.employee = line.employee
      device.line = line.number
      devices.append(device)
      line.device = device.serial
      return OrderEffect(lines: [line], devices: devices)
    })

  static let newSim = OrderTypeSpec(
    "New SIM", group: .modify, explanation: "Request a new SIM for a device.",
    fields: [.line, .comment], usage: "--line", ships: true,
    check: { check, request, _ throws(DomainError) in try check.active(check.line(request.line)) },
    missing: { $0.fulfilment.lacks(sim: true) },
    complete: { completion throws(DomainError) in
      var line = try completion.line()
      guard let sim = completion.fulfilment.sim else {
        throw .orderRule(
          "\(completion.order.number) needs the new SIM's ICCID first (fulfil --sim)")
      }
      let sims = completion.retiredSim(line) + [Sim(iccid: sim, line: line.number)]
      line.sim = sim
      return OrderEffect(lines: [line], sims: sims)
    })

  static let restore = OrderTypeSpec(
    "Restore line", group: .modify,
    explanation: "Restore service to a suspended or disconnected line. For disconnects, some "
      + "vendors do not allow reactivation 30 days after the disconnect date.",
    fields: [.line, .comment], usage: "--line", offersLine: { $0 != .active },
    check: { check, request, _ throws(DomainError) in
      try check.restorable(check.line(request.line))
    },
    complete: { completion throws(DomainError) in
      var line = try completion.line()
      line.state = .active
      line.disconnectedOn = nil
      return OrderEffect(lines: [line])
    })

  static let assign = OrderTypeSpec(
    "Assign or reassign line", group: .modify,
    explanation: "Assign or reassign a line of service to an employee. Upon approval, the "
      + "transaction automatically completes and updates the service-to-employee assignment "
      + "in inventory. This transaction does NOT require vendor order fulfillment as it "
      + "completes automatically upon approval.",
    fields: [.line, .employee, .comment], usage: "--line --employee",
    completesOnApproval: true, offersLine: { $0 != .disconnected },
    check: { check, request, employee throws(DomainError) in
      let line = try check.line(request.line)
      if line.employee == employee.id {
        throw .orderRule("line \(line.number) is already assigned to \(employee.id)")
      }
    },
    complete: { completion throws(DomainError) in
      let employee = completion.request.employee
      var effect = OrderEffect()
      var line = try completion.line()
      line.employee = employee
      effect.lines = [line]
      if let serial = line.device, var device = completion.book.device(serial) {
        device.employee = employee
        effect.devices = [device]
      }
      return effect
    })
}

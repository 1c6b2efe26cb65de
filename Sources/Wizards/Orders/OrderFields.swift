import StockroomDomain

/// The fields each type asks and the options of each, worked out from the state.
struct OrderFields {
  init(book: OrderBook, actor: String) {
    self.book = book
    self.actor = actor
  }

  init(_ answers: NewOrderAnswers, actor: String) {
    self.init(book: answers.state.orders, actor: actor)
  }

  let book: OrderBook
  let actor: String

  func value(_ key: OrderFieldKey, _ answers: NewOrderAnswers) -> String? {
    if key.isText {
      let text = answers.text(key)
      return text.isEmpty ? nil : text
    }
    return chosen(key, answers)?.value
  }

  /// The option chosen in a choice field; nil when the list is empty or nothing is chosen.
  func chosen(_ key: OrderFieldKey, _ answers: NewOrderAnswers) -> OrderOption? {
    let list = options(key, answers)
    guard !list.isEmpty, !answers.unchosen.contains(key) else { return nil }
    return list[min(answers.choices[key] ?? defaultIndex(key, list), list.count - 1)]
  }

  /// The index of the option a record names: by value (any case), or by its words.
  func index(of name: String?, in list: [OrderOption]) -> Int? {
    list.firstIndex { option in
      guard let value = option.value, let name else { return option.value == name }
      return value.uppercased() == name.uppercased()
    } ?? name.flatMap { name in list.firstIndex { $0.label == name } }
  }

  func defaultIndex(_ key: OrderFieldKey, _ list: [OrderOption]) -> Int {
    if key == .employee { return list.firstIndex { $0.value == actor } ?? 0 }
    return 0
  }

  func lineVendor(_ answers: NewOrderAnswers) -> Vendor? {
    if answers.type.spec.fields.contains(.vendor) {
      return value(.vendor, answers).flatMap { book.vendor($0) }
    }
    return value(.line, answers).flatMap { book.line($0) }.flatMap { book.vendor($0.vendor) }
  }

  func options(_ key: OrderFieldKey, _ answers: NewOrderAnswers) -> [OrderOption] {
    let type = answers.type
    switch key {
    case .employee:
      return book.employees.map { OrderOption(value: $0.id, label: "\($0.name) (\($0.id))") }
    case .line:
      return book.lines.filter(type.spec.offers).map { line in
        OrderOption(
          value: line.number,
          label: "\(line.number) \(line.employee.map { book.name($0) } ?? "-") "
            + "(\(line.vendor), \(line.state.rawValue))"
            + (book.device(on: line).map { " " + $0.model } ?? ""))
      }
    case .vendor:
      return book.vendors.map { OrderOption(value: $0.code, label: $0.name) }
    case .voicePlan, .dataPlan:
      let kind: Plan.Kind = key == .voicePlan ? .voice : .data
      let plans = (lineVendor(answers)?.plans ?? []).filter { $0.kind == kind }.map {
        OrderOption(value: $0.code, label: "\($0.name) (\($0.code))")
      }
      if type == .changePlan { return [OrderOption(value: nil, label: "(keep)")] + plans }
      return kind == .data ? [OrderOption(value: nil, label: "(none)")] + plans : plans
    case .device:
      return book.devices.filter { $0.state == .inStock }.map {
        OrderOption(value: $0.serial, label: "\($0.model) \($0.serial)")
      }
    case .addFeature:
      let line = value(.line, answers).flatMap { book.line($0) }
      let features = (lineVendor(answers)?.features ?? []).filter {
        !(line?.features.contains($0) ?? false)
      }
      return [OrderOption(value: nil, label: "(none)")]
        + features.map { OrderOption(value: $0, label: $0) }
    case .removeFeature:
      let features = value(.line, answers).flatMap { book.line($0) }?.features ?? []
      return [OrderOption(value: nil, label: "(none)")]
        + features.map { OrderOption(value: $0, label: $0) }
    case .accessory:
      return book.accessories(for: value(.line, answers).flatMap { book.line($0) }).map {
        OrderOption(value: $0.code, label: "\($0.name) (\($0.inStock) in stock)")
      }
    case .issue:
      return DeviceIssue.allCases.map { OrderOption(value: $0.rawValue, label: $0.title) }
    case .liability:
      return Liability.allCases.map { OrderOption(value: $0.rawValue, label: $0.rawValue) }
    case .model, .quantity, .comment:
      return []
    }
  }

  /// The request the answers make.
  func request(_ answers: NewOrderAnswers) -> OrderRequest {
    let type = answers.type
    let keys = type.spec.fields
    func pick(_ key: OrderFieldKey) -> String? { keys.contains(key) ? value(key, answers) : nil }
    return OrderRequest(
      type: type,
      employee: pick(.employee) ?? pick(.line).flatMap { book.line($0)?.employee } ?? actor,
      line: pick(.line), vendor: pick(.vendor), voicePlan: pick(.voicePlan),
      dataPlan: pick(.dataPlan), model: pick(.model), device: pick(.device),
      addFeatures: pick(.addFeature).map { [$0] } ?? [],
      removeFeatures: pick(.removeFeature).map { [$0] } ?? [], accessory: pick(.accessory),
      quantity: keys.contains(.quantity) ? Int(answers.text(.quantity)) ?? 0 : nil,
      issue: pick(.issue).flatMap(DeviceIssue.init(rawValue:)),
      liability: pick(.liability).flatMap(Liability.init(rawValue:)))
  }
}

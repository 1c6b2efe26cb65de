import StockroomDomain
import TerminalUI

/// The receiving wizard: new stock into the service provider's inventory.
/// Hardware serials of a model (typed, scanned, pasted or from a manifest
/// file), or quantities of software tokens and capacity; owned or leased,
/// into a container. Three steps: what, the serials or quantity, confirm.
public struct ReceiveFlow: WizardFlow {
  /// What can be received: a hardware model (index) or a software product.
  public enum Item: Hashable, Sendable {
    case hardware(model: Int)
    case software(Product)
  }

  /// The wizard's steps, in order.
  public enum Step: String, Hashable, Sendable, Codable, CaseIterable {
    case stock, items, confirm
  }

  /// Every control of the wizard, by name; the serial list's are its own.
  public enum Control: Hashable, Sendable, Codable {
    case item, ownership, needsPIN
    /// The Container, Reference and Comment.
    case field(ReferenceFields.Control)
    case serials(ReceiveSerials.Control)
    case quantity
  }

  public let items: [Item]
  public let itemTitles: [String]

  public var name: String { "Receive stock" }
  public var steps: [Step] { Step.allCases }

  public func title(of current: Step) -> String {
    switch current {
    case .stock: return "Stock"
    case .items: return "Items"
    case .confirm: return "Confirm"
    }
  }

  public static func make(context: AppContext) -> (flow: ReceiveFlow, answers: ReceiveAnswers) {
    let state = context.state
    let items =
      state.models.indices.map { Item.hardware(model: $0) }
      + Product.software.map {
        Item.software($0)
      }
    let titles = items.map { item -> String in
      switch item {
      case .hardware(let model): return TextSafety.neutralised(state.models[model]) + " hardware"
      case .software(.capacity): return "Capacity"
      case .software(let product): return product.title + " software tokens"
      }
    }
    let flow = ReceiveFlow(items: items, itemTitles: titles)
    var answers = ReceiveAnswers(titles: titles, state: state)
    answers.serials.filesAllowed = !context.isDemoSession
    return (flow, answers)
  }

  /// The wizard's screen, on its first step.
  public static func screen(context: AppContext) -> WizardScreen<ReceiveFlow> {
    let made = make(context: context)
    return WizardScreen(flow: made.flow, answers: made.answers)
  }

  func item(_ answers: ReceiveAnswers) -> Item? {
    items.indices.contains(answers.item.selected) ? items[answers.item.selected] : nil
  }

  func isHardware(_ answers: ReceiveAnswers) -> Bool {
    if case .hardware = item(answers) { return true }
    return false
  }

  /// Owned or leased, nil while neither is chosen.
  static func ownership(_ answers: ReceiveAnswers) -> Ownership? {
    answers.ownership.selected.map { $0 == 1 ? .leased : .owned }
  }

  // MARK: - Steps

  public func controls(step current: Step, answers: ReceiveAnswers) -> [Control] {
    switch current {
    case .stock:
      return [
        .item, .ownership, .field(.container), .needsPIN, .field(.reference), .field(.comment),
      ]
    case .items: return isHardware(answers) ? [.serials(.scan), .serials(.list)] : [.quantity]
    case .confirm: return []
    }
  }

  public func refusal(step current: Step, answers: ReceiveAnswers) -> WizardRefusal<Control>? {
    switch current {
    case .stock:
      if !answers.itemChosen { return WizardRefusal("Choose what arrives", control: .item) }
      if answers.ownership.selected == nil {
        return WizardRefusal("Choose Owned or Leased", control: .ownership)
      }
      return answers.fields.textRefusal(focused: nil).map {
        WizardRefusal(
          $0, control: .field(answers.fields.reference.error == nil ? .comment : .reference))
      }
    case .items:
      if isHardware(answers) {
        return answers.serials.serials.isEmpty
          ? WizardRefusal("Add at least one serial", control: .serials(.scan)) : nil
      }
      return answers.quantity.validation.map {
        WizardRefusal("Quantity: " + $0, control: .quantity)
      }
    case .confirm:
      return nil
    }
  }

  public func hasAnswers(_ answers: ReceiveAnswers) -> Bool {
    !answers.serials.serials.isEmpty || !answers.quantity.text.isEmpty || answers.fields.hasAnswers
  }

  public func isEditingText(_ control: Control, step: Step, answers: ReceiveAnswers) -> Bool {
    switch control {
    case .field(let field): return answers.fields.isEditingText(field)
    case .quantity: return true
    case .serials(let serials): return answers.serials.isEditingText(serials)
    case .item, .ownership, .needsPIN: return false
    }
  }

  /// The Reference field (Container, Reference, Comment) that has focus, if one has.
  static func focusedField(_ focus: Control?) -> ReferenceFields.Control? {
    if case .field(let field)? = focus { return field }
    return nil
  }

  // MARK: - Layout, keys, drawing

  public func layout(
    step current: Step, answers: ReceiveAnswers, in rect: Rect
  ) -> StepLayout<Control> {
    switch current {
    case .stock: return layoutStock(answers, in: rect)
    case .items: return layoutItems(answers, in: rect)
    case .confirm: return StepLayout(area: rect)
    }
  }

  public func update(
    _ key: Key, control: Control, step current: Step, answers: inout ReceiveAnswers,
    layout: StepLayout<Control>, context: AppContext
  ) -> KeyResult {
    answers.restoreNotice = nil
    switch current {
    case .stock: return updateStock(key, control: control, answers: &answers, layout: layout)
    case .items:
      return updateItems(key, control: control, answers: &answers, layout: layout, context: context)
    case .confirm: return .ignored
    }
  }

  public func view(
    step current: Step, focus: Control?, answers: ReceiveAnswers, layout: StepLayout<Control>,
    into buffer: inout Buffer, context: AppContext
  ) {
    switch current {
    case .stock: viewStock(focus: focus, answers: answers, layout: layout, into: &buffer)
    case .items:
      viewItems(focus: focus, answers: answers, layout: layout, into: &buffer, context: context)
    case .confirm: viewConfirm(answers: answers, into: &buffer, in: layout.area, context: context)
    }
  }

  public func cursor(
    _ control: Control, step: Step, answers: ReceiveAnswers, layout: StepLayout<Control>
  ) -> Point? {
    switch control {
    case .field(let field): return answers.fields.cursor(field, in: layout.frame(control))
    case .serials(let serials): return answers.serials.cursor(serials, in: layout.area)
    case .quantity: return answers.quantity.cursorPosition(in: layout.frame(.quantity))
    case .item, .ownership, .needsPIN: return nil
    }
  }

  public func takesKey(_ key: Key, step: Step, answers: ReceiveAnswers) -> Bool {
    step == .items && isHardware(answers) && answers.serials.takesKey(key)
  }

  public func takeFileRequest(step: Step, answers: inout ReceiveAnswers) -> FileRequest? {
    answers.serials.takeFileRequest()
  }

  public func fileRead(
    _ read: FileRead, step: Step, answers: inout ReceiveAnswers, context: AppContext
  ) {
    answers.serials.fileRead(read, state: context.state)
  }

  // MARK: - Commit

  public func command(for answers: ReceiveAnswers) -> Command {
    let ownership = ReceiveFlow.ownership(answers) ?? .owned
    let container = answers.fields.containerCode
    switch item(answers) {
    case .hardware(let model)?:
      return .receiveHardware(
        model: answers.modelNames.indices.contains(model) ? answers.modelNames[model] : "",
        serials: answers.serials.serials, ownership: ownership, container: container,
        needsPIN: answers.needsPIN)
    case .software(let product)?:
      return .receiveSoftware(
        product: product, quantity: answers.quantity.value ?? 0, ownership: ownership,
        container: container)
    case nil:
      return .receiveSoftware(product: .capacity, quantity: 0, ownership: .owned, container: nil)
    }
  }

  public func commit(answers: ReceiveAnswers, key: String) -> PendingCommit {
    PendingCommit(
      command: command(for: answers), reference: answers.fields.reference.text,
      comment: answers.fields.comment.text, key: key)
  }

  /// After a refusal or conflict: to the control of the answer refused. When another
  /// session received one of these serials meanwhile, the list, on the first of them.
  public func recover(
    from outcome: CommitOutcome, answers: inout ReceiveAnswers, context: AppContext
  ) -> WizardPlace<Step, Control>? {
    let problems = self.problems(committing: answers, context: context)
    // The refusal says what is wrong; what the last scan did is stale.
    answers.serials.notice = nil
    answers.restoreNotice = nil
    // A serial another session received meanwhile is known now: the list points at it.
    let known = answers.serials.serials.filter { context.state.token(serial: $0) != nil }
    if !known.isEmpty { answers.serials.point(at: known) }
    return place(of: problems, answers: answers) ?? WizardPlace(.items)
  }

  public func place(
    for field: DomainField, answers: ReceiveAnswers
  ) -> WizardPlace<Step, Control>? {
    switch field {
    case .model, .product: return WizardPlace(.stock, .item)
    case .container: return WizardPlace(.stock, .field(.container))
    case .reference: return WizardPlace(.stock, .field(.reference))
    case .comment: return WizardPlace(.stock, .field(.comment))
    case .serials where isHardware(answers): return WizardPlace(.items, .serials(.list))
    case .quantity where !isHardware(answers): return WizardPlace(.items, .quantity)
    default: return nil
    }
  }

  public func resultEffect(
    transaction: Transaction, answers: ReceiveAnswers, context: AppContext
  ) -> Effect {
    .replace(TransactionScreen(transaction: transaction, context: context))
  }
}

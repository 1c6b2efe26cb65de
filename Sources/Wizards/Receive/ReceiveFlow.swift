import StockroomDomain
import TerminalUI

/// The receiving wizard: new stock into the service provider's inventory.
/// Hardware serials of a model (typed, scanned, pasted or from a manifest
/// file), or quantities of software tokens and capacity; owned or leased,
/// into a container. Three steps: what, the serials or quantity, confirm.
public struct ReceiveFlow: LegacyWizardFlow {
  /// What can be received: a hardware model (index) or a software product.
  public enum Item: Hashable, Sendable {
    case hardware(model: Int)
    case software(Product)
  }

  public let items: [Item]
  public let itemTitles: [String]

  public var name: String { "Receive stock" }
  public var steps: [String] { ["Stock", "Items", "Confirm"] }

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

  func item(_ answers: ReceiveAnswers) -> Item? {
    items.indices.contains(answers.item.selected) ? items[answers.item.selected] : nil
  }

  func isHardware(_ answers: ReceiveAnswers) -> Bool {
    if case .hardware = item(answers) { return true }
    return false
  }

  public func controlCount(step: Int, answers: ReceiveAnswers) -> Int {
    switch step {
    case 0: return 6
    case 1: return isHardware(answers) ? 2 : 1
    default: return 0
    }
  }

  public func refusal(step: Int, answers: ReceiveAnswers) -> String? {
    switch step {
    case 0: return answers.fields.textRefusal(focus: nil)
    case 1:
      if isHardware(answers) {
        return answers.serials.serials.isEmpty ? "Add at least one serial" : nil
      }
      return answers.quantity.validation.map { "Quantity: " + $0 }
    default: return nil
    }
  }

  public func hasAnswers(_ answers: ReceiveAnswers) -> Bool {
    !answers.serials.serials.isEmpty || !answers.quantity.text.isEmpty || answers.fields.hasAnswers
  }

  public func isTextField(step: Int, focus: Int, answers: ReceiveAnswers) -> Bool {
    switch step {
    case 0: return focus >= 4
    case 1:
      return !isHardware(answers) || focus == 0 || answers.serials.filePrompt != nil
    default: return false
    }
  }

  /// Step 1's controls and their index among the reference fields.
  static let fieldIndex = [2: 0, 4: 1, 5: 2]

  public func update(
    step: Int, focus: Int, key: Key, answers: inout ReceiveAnswers, context: AppContext
  ) -> KeyResult {
    switch step {
    case 0:
      switch focus {
      case 0: return answers.item.update(key)
      case 1:
        let result = answers.ownership.update(key)
        if key == .up || key == .down { answers.ownership.choose(answers.ownership.highlighted) }
        return result
      case 3:
        guard key == .character(" ") else { return key == .enter ? .activated : .ignored }
        if isHardware(answers) { answers.needsPIN.toggle() }
        return .handled
      default: return answers.fields.update(ReceiveFlow.fieldIndex[focus] ?? 0, key: key)
      }
    case 1:
      if isHardware(answers) {
        return answers.serials.update(focus: focus, key: key, state: context.state)
      }
      return answers.quantity.update(key)
    default: return .ignored
    }
  }

  public func takesKey(_ key: Key, step: Int, answers: ReceiveAnswers) -> Bool {
    step == 1 && isHardware(answers) && answers.serials.takesKey(key)
  }

  public func scanned(_ text: String, step: Int, answers: inout ReceiveAnswers) -> Bool {
    false
  }

  public func keyBindings(step: Int, focus: Int?, answers: ReceiveAnswers) -> [KeyBinding] {
    let file = answers.serials.filesAllowed ? [KeyBinding("^O", "manifest")] : []
    switch (step, focus) {
    case (0, .some(0)), (0, .some(2)): return [KeyBinding("←→", "choose")]
    case (0, .some(1)): return [KeyBinding("↑↓", "choose")]
    case (0, .some(3)): return [KeyBinding("Space", "needs PIN or not")]
    case (1, _) where isHardware(answers) && answers.serials.preview != nil:
      return [KeyBinding("Enter", "add"), KeyBinding("Esc", "cancel")]
    case (1, _) where isHardware(answers) && answers.serials.filePrompt != nil:
      return [KeyBinding("Enter", "preview"), KeyBinding("Esc", "cancel")]
    case (1, .some(0)) where isHardware(answers):
      return [KeyBinding("Enter", "add serial"), KeyBinding("^Z", "undo")] + file
    case (1, .some(1)) where isHardware(answers):
      return [.move, KeyBinding("Del", "take off"), KeyBinding("^Z", "undo")] + file
    case (2, _): return [KeyBinding("Enter", "confirm")]
    default: return []
    }
  }

  public func hint(step: Int, focus: Int?, answers: ReceiveAnswers) -> StatusLine? {
    switch step {
    case 0:
      let index = focus.flatMap { ReceiveFlow.fieldIndex[$0] }
      return answers.fields.textRefusal(focus: index).map { StatusLine($0, kind: .error) }
    case 1 where isHardware(answers): return answers.serials.notice
    default: return nil
    }
  }

  public func view(
    step: Int, focus: Int?, answers: ReceiveAnswers, into buffer: inout Buffer, in rect: Rect,
    context: AppContext
  ) {
    switch step {
    case 0: viewStock(focus: focus, answers: answers, into: &buffer, in: rect, context: context)
    case 1: viewItems(focus: focus, answers: answers, into: &buffer, in: rect, context: context)
    default: viewConfirm(answers: answers, into: &buffer, in: rect, context: context)
    }
  }

  public func cursor(step: Int, focus: Int, answers: ReceiveAnswers, in rect: Rect) -> Point? {
    switch step {
    case 0:
      guard let index = ReceiveFlow.fieldIndex[focus] else { return nil }
      let fieldX = rect.x + 1 + ReceiveFlow.labelWidth
      return answers.fields.cursor(
        index, fieldX: fieldX, width: rect.maxX - fieldX, rows: stockRows(rect))
    case 1:
      if isHardware(answers) { return answers.serials.cursor(focus: focus, in: rect) }
      return answers.quantity.cursorPosition(
        in: Rect(x: rect.x + 1 + ReceiveFlow.labelWidth, y: rect.y + 3, width: 12, height: 1))
    default: return nil
    }
  }

  // MARK: - Commit

  public func command(for answers: ReceiveAnswers) -> Command {
    let ownership: Ownership = answers.ownership.selected == 1 ? .leased : .owned
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

  /// Another session received one of these serials meanwhile: back to the list, which says
  /// which (the refusal names them).
  public func recover(
    fromConflict message: String, answers: inout ReceiveAnswers, context: AppContext
  ) -> Int? { 1 }

  public func resultEffect(
    transactionId: String, answers: ReceiveAnswers, context: AppContext
  ) -> Effect {
    .replace(TransactionScreen(transactionId: transactionId, context: context))
  }
}

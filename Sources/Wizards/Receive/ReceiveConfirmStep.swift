import StockroomDomain
import TerminalUI

/// The Confirm step of the receiving wizard: exactly what will change, drawn
/// from the same summary `stockroom receive` prints. And the result: the
/// Transaction ID and what is in stock now.
extension ReceiveFlow: SummaryConfirmFlow {
  public func summary(_ answers: ReceiveAnswers, context: AppContext) -> StockSummary {
    let who = TransactionContext(
      user: context.userName, uid: context.userId, reference: answers.fields.reference.text,
      comment: answers.fields.comment.text)
    return StockSummary(command: command(for: answers), context: who, state: context.state)
  }

  public func result(
    _ transaction: Transaction, answers: ReceiveAnswers, context: AppContext
  ) -> any WizardResult {
    let what =
      isHardware(answers)
      ? "\(SerialPreview.count(answers.serials.serials.count)) \(answers.item.value ?? "") tokens"
      : "\(answers.quantity.value ?? 0) \(answers.item.value ?? "")"
    let state = context.state
    var stock: [String] = []
    if case .software(let product)? = item(answers) {
      stock = [
        "\(product.title): \(state.stockQuantity(product, ownership: .owned)) owned, "
          + "\(state.stockQuantity(product, ownership: .leased)) leased"
      ]
    } else if case .hardware(let model)? = item(answers) {
      let name = answers.modelNames.indices.contains(model) ? answers.modelNames[model] : ""
      stock = state.inventorySummary().hardware.filter { $0.model == name }.map { row in
        let box = state.containers.first { $0.code == row.container }?.name ?? row.container
        return "\(TextSafety.neutralised(name)) in \(TextSafety.neutralised(box)): "
          + "\(row.available) available, \(row.faulty) faulty, \(row.lost) lost"
      }
    }
    return ReceiveResult(
      transactionId: transaction.transactionId, what: what, stock: stock,
      enterOpens: isHardware(answers) ? "the serials" : "what")
  }
}

import TerminalUI

/// The deallocation wizard's fingerprint for drafts: the account, the step's
/// answers, and for hardware the serials moved to Deallocate and those marked.
extension DeallocationFlow: DraftSummarizingFlow {
  public func draftSummary(step: Int, answers: DeallocationAnswers) -> String {
    var lines = ["account: \(accountCode)"]
    switch kind {
    case .software:
      let quantities = answers.softwareQuantities.map(\.text).joined(separator: ",")
      lines.append("software row: \(answers.softwareRow)")
      lines.append("quantities: \(quantities)")
    case .mobilePass:
      lines.append("quantity: \(answers.mobileQuantity.text)")
    case .hardware:
      lines.append("list quantity: \(answers.pick.listQuantity.text)")
      if let list = answers.pickList {
        lines.append("deallocate: " + list.rightItems.joined(separator: " "))
        let marked = list.marks(.left).compactMap { index in
          list.items.indices.contains(Int(index)) ? list.items[Int(index)] : nil
        }
        lines.append("marked: " + marked.sorted().joined(separator: " "))
      }
    }
    lines.append("disposition: \(answers.dispositionValue.rawValue)")
    lines.append("container: \(answers.containerCode ?? "")")
    lines.append("reference: \(answers.reference.text)")
    lines.append("comment: \(answers.comment.text)")
    return lines.joined(separator: "\n")
  }
}

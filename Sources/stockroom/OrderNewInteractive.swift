import Foundation
import StockroomDomain
import Wizards

/// `stockroom order new --interactive`: the new-order wizard in the terminal, filled with
/// the options as a record by name, at the first step that still needs an answer.
extension OrderNewCommand {
  /// The options as the wizard's record, acting as the OS user's own employee until set
  /// (the type and the words checked, exit 2).
  func record(comment: String) -> NewOrderFlow.Record {
    NewOrderFlow.Record(
      type: kind?.rawValue, employee: employee, line: line, vendor: vendor,
      voicePlan: voicePlan, dataPlan: dataPlan, model: model, device: device,
      addFeatures: add.isEmpty ? nil : add, removeFeatures: remove.isEmpty ? nil : remove,
      accessory: accessory, quantity: quantity,
      issue: issue.map { UsageCheck.word($0, option: "--issue", DeviceIssue.allCases).rawValue },
      liability: to.map { UsageCheck.word($0, option: "--to", Liability.allCases).rawValue },
      comment: comment.isEmpty ? nil : comment)
  }

  /// Checks the options and who acts (exit 2, exit 1), then opens the screens: My orders and
  /// the wizard above it. Without a terminal: a usage error.
  func openWizard() -> Never {
    if oldCondition != nil {
      UsageCheck.fail("--old-condition is not asked by the wizard; leave it out with --interactive")
    }
    let run = OrderRun(global: global, acting: acting)
    var record = record(comment: run.comment)
    guard isatty(0) != 0, isatty(1) != 0 else {
      UsageCheck.fail("--interactive needs a terminal")
    }
    record.actingAs = run.actor(StoreCommands.open(global, readOnly: true))
    InteractiveRun.open(global: global) { [record] in
      NewOrderFlow.screens(for: record, context: $0)
    }
  }
}

import Foundation
import StockroomDomain
import Wizards

// `--interactive` for the stock commands: the answers their options give, by name, in the
// wizard (unchecked: the wizard explains what is wrong with them).

extension AllocateCommand {
  /// Opens the allocation wizard filled with the options' answers.
  func openWizard() -> Never {
    let record = interactiveRecord()
    InteractiveRun.open(global: global) { AllocationFlow.interactiveScreens(record, context: $0) }
  }

  /// The answers the options give, by name, for `--interactive` (unchecked:
  /// the wizard explains what is wrong with them).
  func interactiveRecord() -> AllocationRecord {
    // A word the headless command refuses is refused here too, not opened as no answer.
    let chosen = product.map(Self.product)
    let sale = type.map(Self.type)
    let kind: AllocationKind? =
      chosen == .capacity ? .capacityOnly : sale.map { $0 == .sale ? .sale : .rental }
    let serials =
      serial.isEmpty && serialsFrom == nil
      ? nil : UsageCheck.serials(serial, from: serialsFrom, column: column)
    return AllocationRecord(
      account: account, type: kind, product: chosen,
      quantity: serials == nil ? quantity.flatMap(UsageCheck.quantityValue) : nil,
      serials: serials, withCapacity: withCapacity ? true : nil, amount: amount,
      per: per.map(Self.per), trigger: billingTrigger,
      customerReference: customerReference, reference: options.reference,
      comment: options.comment)
  }
}

extension ReceiveCommand {
  /// Opens the receiving wizard filled with the options' answers.
  func openWizard() -> Never {
    let record = interactiveRecord()
    InteractiveRun.open(global: global) { ReceiveFlow.interactiveScreens(record, context: $0) }
  }

  /// The answers the options give, by name, for `--interactive` (unchecked:
  /// the wizard explains what is wrong with them).
  func interactiveRecord() -> ReceiveRecord {
    ReceiveRecord(
      model: model, product: product.flatMap { Product(rawValue: $0.lowercased()) },
      ownership: ownership.flatMap { Ownership(rawValue: $0.lowercased()) },
      container: options.container, needsPIN: needsPin ? true : nil,
      serials: serial.isEmpty && serialsFrom == nil
        ? nil : UsageCheck.serials(serial, from: serialsFrom, column: column),
      quantity: quantity.flatMap(UsageCheck.quantityValue), reference: options.reference,
      comment: options.comment)
  }
}

extension DeallocateSoftwareCommand {
  /// Opens the deallocation wizard filled with the options' answers.
  func openWizard() -> Never { DeallocationRun.openWizard(answers(), global: global) }

  /// The answers the options give, by name.
  func answers() -> DeallocationRecord {
    DeallocationRecord(
      flow: .software, account: account,
      // A word the headless command refuses is refused here too, not opened as another row.
      product: product.map(Self.product), type: type.map(Self.type),
      quantity: quantity.flatMap(UsageCheck.quantityValue), container: options.container,
      reference: options.reference, comment: options.comment, returnReason: reason.value)
  }
}

extension DeallocateMobilePassCommand {
  /// Opens the deallocation wizard filled with the options' answers.
  func openWizard() -> Never { DeallocationRun.openWizard(answers(), global: global) }

  /// The answers the options give, by name.
  func answers() -> DeallocationRecord {
    DeallocationRecord(
      flow: .mobilePass, account: account, product: .mobilepass,
      quantity: quantity.flatMap(UsageCheck.quantityValue), container: options.container,
      reference: options.reference, comment: options.comment, returnReason: reason.value)
  }
}

extension DeallocateHardwareCommand {
  /// Opens the deallocation wizard filled with the options' answers.
  func openWizard() -> Never { DeallocationRun.openWizard(answers(), global: global) }

  /// The answers the options give, by name.
  func answers() -> DeallocationRecord {
    var serials: [String]? = serial.isEmpty ? nil : serial
    if serials == nil, let serialsFrom,
      let text = try? String(contentsOfFile: serialsFrom, encoding: .utf8)
    {
      serials = try? SerialManifest.serials(
        in: text, column: column, csv: serialsFrom.lowercased().hasSuffix(".csv"))
    }
    return DeallocationRecord(
      flow: .hardware, account: account, product: .hardware, serials: serials,
      disposition: disposition.flatMap { Disposition(rawValue: $0.lowercased()) },
      container: options.container, reference: options.reference, comment: options.comment,
      returnReason: reason.value)
  }
}

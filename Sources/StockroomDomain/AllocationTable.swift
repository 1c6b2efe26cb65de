/// One column of an account's allocation table (docs/DESIGN.md section 1).
public enum AllocationColumn: Hashable, Sendable {
  case software(SoftwareColumn)
  /// Hardware tokens of one model (index into `InventoryState.models`).
  case hardware(model: Int)
}

/// A column's Maximum, In Use and Available, ready to draw or print.
public struct AllocationCell: Hashable, Sendable {
  public var column: AllocationColumn
  public var title: String
  public var maximum: Int
  public var inUse: Int
  /// Maximum − In Use.
  public var available: Int { maximum - inUse }
  /// The most that can be deallocated: for SMS Rental also limited by available capacity.
  public var deallocatable: Int
}

extension InventoryState {
  /// The allocation table of an account: software columns, then one per hardware model.
  public func allocationTable(account: Int) -> [AllocationCell] {
    let holder = accounts[account]
    var cells: [AllocationCell] = SoftwareColumn.allCases.map { column in
      let holding = holder.holding(column)
      return AllocationCell(
        column: .software(column), title: column.title, maximum: holding.maximum,
        inUse: holding.inUse, deallocatable: deallocatableQuantity(column, account: account))
    }
    for (model, name) in models.enumerated() {
      let maximum = holder.hardwareAllocated[model]
      let inUse = holder.hardwareInUse[model]
      cells.append(
        AllocationCell(
          column: .hardware(model: model), title: name, maximum: maximum, inUse: inUse,
          deallocatable: deallocatableCount(account: account, model: model)))
    }
    return cells
  }
}

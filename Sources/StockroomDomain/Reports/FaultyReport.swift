/// Report 3 (issue 18): the tokens faulty or lost now, by model, the account they came back
/// from and the container they are kept in, each with its age in whole days since the
/// deallocation that marked it. The filter narrows by that marking transaction (its day,
/// account, user, return reason, Reference) and by model.
public enum FaultyReport {
  public static let columns: [ReportTable.Column] = [
    .init("model", "Model"), .init("account", "Account"), .init("container", "Container"),
    .init("serial", "Serial"), .init("state", "State"), .init("markedAt", "Marked (UTC)"),
    .init("transactionId", "Transaction"), .init("returnReason", "Reason"),
    .init("ageDays", "Age (days)", number: true),
  ]

  /// The deallocations that marked tokens faulty or lost, as the ledger is read, then the
  /// tokens faulty or lost now.
  struct Tally {
    let filter: ReportFilter
    /// The ISO 8601 time the ages are counted to.
    let now: String
    var marks: [String: Transaction] = [:]

    mutating func take(_ transaction: Transaction) {
      guard transaction.action == .deallocateHardware else { return }
      for item in transaction.items where item.disposition == .faulty || item.disposition == .lost {
        for serial in item.serials ?? [] { marks[serial] = transaction }
      }
    }

    func finish(state: InventoryState) -> ReportTable {
      var markFilter = filter
      markFilter.product = nil
      markFilter.action = nil
      let open = isOpen(markFilter) && filter.account == nil
      var table = ReportTable(columns: columns)
      for (model, name) in state.models.enumerated()
      where filter.product.map({ $0.lowercased() == name.lowercased() }) ?? true {
        state.tokens.forEachMember(holder: -1, model: model) { index, token in
          guard token.state == .faulty || token.state == .lost else { return true }
          // The snapshot's tokens carry their serial apart (`TokenTable.serial(at:)`).
          let serial = state.tokens.serial(at: index)
          let mark = marks[serial]
          if let mark {
            guard markFilter.matches(mark) else { return true }
          } else if !open {
            return true
          }
          let box = Int(token.container)
          let container = state.containers.indices.contains(box) ? state.containers[box].code : ""
          table.rows.append([
            .text(name), TransactionsReport.optional(mark?.account), .text(container),
            .text(serial), .text(token.state.rawValue),
            TransactionsReport.optional(mark?.time),
            TransactionsReport.optional(mark?.transactionId),
            TransactionsReport.optional(mark?.returnReason?.rawValue),
            mark.map { .number(ReportDays.between($0.time, now)) } ?? .none,
          ])
          return true
        }
      }
      return table.sortedKeepingGroups()
    }
  }

  /// True when nothing but the model narrows the report: tokens with no marking transaction
  /// are listed only then.
  static func isOpen(_ filter: ReportFilter) -> Bool {
    filter.from == nil && filter.to == nil && filter.user == nil && filter.returnReason == nil
      && (filter.reference ?? "").isEmpty
  }
}

extension ReportTable {
  /// Model, account, container, serial: the faulty report's order.
  fileprivate func sortedKeepingGroups() -> ReportTable {
    var copy = self
    copy.rows.sort { a, b in
      for column in 0..<4 where a[column].text != b[column].text {
        return a[column].text < b[column].text
      }
      return false
    }
    return copy
  }
}

/// Whole days between two UTC times (ISO 8601, their `YYYY-MM-DD` days), by the civil
/// calendar.
enum ReportDays {
  static func between(_ from: String, _ to: String) -> Int {
    max(0, number(to) - number(from))
  }

  /// Days since 1970-01-01 of the time's day (0 when it is not a date).
  static func number(_ time: String) -> Int {
    let parts = time.prefix(10).split(separator: "-").compactMap { Int($0) }
    guard parts.count == 3 else { return 0 }
    let month = parts[1]
    let year = parts[0] - (month <= 2 ? 1 : 0)
    let era = (year >= 0 ? year : year - 399) / 400
    let yoe = year - era * 400
    let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + parts[2] - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146097 + doe - 719468
  }
}

import StockroomDomain
import StockroomStore
import TestSupport

/// Checks a store's lookups (an index file, or SQL) against a full scan of its ledger, and
/// makes random histories for it: shared by the tests of both stores.
public enum IndexCheck {
  /// Nil when every ID and every subject (and a few that are about nothing) give what a
  /// full scan gives; else the first difference.
  public static func problems(_ store: any LedgerStore) -> String? {
    var all: [Transaction] = []
    var expected: [IndexSubject: [String]] = [:]
    do {
      try store.forEachTransaction { transaction in
        all.append(transaction)
        for subject in IndexSubject.subjects(of: transaction) {
          expected[subject, default: []].append(transaction.transactionId)
        }
        return true
      }
      for (index, transaction) in all.enumerated() {
        let id = Transaction.identifier(sequence: UInt64(index + 1))
        if try store.transaction(id: id) != transaction { return "\(id) differs" }
      }
      if try store.transaction(id: Transaction.identifier(sequence: UInt64(all.count + 1)))
        != nil
      {
        return "a transaction beyond the last"
      }
      let absent: [IndexSubject] = [
        .account("ACC-9999"), .serial("NO-SUCH"), .subscription("SUB-NONE"),
        .order("ORD-999999"), .warehouse("NOWHERE"),
      ]
      for subject in Array(expected.keys) + absent {
        let found = try store.transactions(about: subject).map(\.transactionId)
        if found != expected[subject, default: []] {
          return "\(subject): \(found) instead of \(expected[subject, default: []])"
        }
      }
      for case .subscription(let number) in expected.keys {
        let found = try store.transactions(subscription: number.lowercased())
        if found.map(\.transactionId) != expected[.subscription(number)] {
          return "subscription \(number) in lower case differs"
        }
      }
    } catch {
      return "threw: \(error.message)"
    }
    return nil
  }

  /// A random hardware move the state allows: allocate stock, deallocate, re-initialize or
  /// mark in use.
  public static func randomCommand(_ state: InventoryState, _ random: inout SplitMix) -> Command? {
    let tokens = state.tokens
    guard !tokens.isEmpty, !state.accounts.isEmpty else { return nil }
    func pick(_ wanted: (HardwareToken) -> Bool) -> [HardwareToken] {
      var found: [HardwareToken] = []
      var index = Int(random.next() % UInt64(tokens.count))
      for _ in 0..<tokens.count where found.count < 3 {
        if wanted(tokens[index]) { found.append(tokens[index]) }
        index = (index + 1) % tokens.count
      }
      return found
    }
    switch random.next() % 4 {
    case 0:
      let free = pick { $0.account < 0 && $0.state == .available }
      guard let model = free.first?.model else { return nil }
      let account = state.accounts[Int(random.next() % UInt64(state.accounts.count))].code
      return .allocateHardware(
        account: account, serials: free.filter { $0.model == model }.map(\.serial),
        type: .rental)
    case 1:
      let held = pick { $0.account >= 0 && $0.state == .allocated && !$0.inUse && !$0.sold }
      guard let account = held.first?.account else { return nil }
      let dispositions: [Disposition] = [.return, .faulty, .initialize]
      return .deallocateHardware(
        account: state.accounts[Int(account)].code,
        serials: held.filter { $0.account == account }.map(\.serial),
        disposition: dispositions[Int(random.next() % 3)], container: nil)
    case 2:
      let faulty = pick { $0.state == .faulty }
      return faulty.isEmpty ? nil : .reinitialize(serials: faulty.map(\.serial))
    default:
      let held = pick { $0.account >= 0 && $0.state == .allocated && !$0.inUse }
      guard let account = held.first?.account else { return nil }
      return .assignHardware(
        account: state.accounts[Int(account)].code,
        serials: held.filter { $0.account == account }.map(\.serial), inUse: true)
    }
  }
}

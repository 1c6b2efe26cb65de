/// The invariants of the hardware tokens, checked a token at a time: each serial in one place,
/// a known model, container and account, state and account agreeing, in use only when
/// allocated, sold only when allocated and owned, and each account's counts as its tokens
/// say. `invariantViolations()` checks a whole state's tokens into one; verify's replay of a
/// large ledger, which holds its tokens a part at a time (docs/DESIGN.md section 6), checks
/// each part into one and merges them, so both name the same problems in the same order.
public struct TokenChecks: Sendable {
  /// A problem with the token at `position` (its index in the whole table); `order` keeps a
  /// token's problems in the order they were found.
  private struct Found: Sendable {
    var position: Int
    var order: Int
    var text: String
  }

  /// Problems with a token's place and state.
  private var placement: [Found] = []
  /// Problems with a sold token.
  private var sales: [Found] = []
  /// Tokens allocated and in use, per account and model, as the tokens say.
  private var allocated: [[Int]]
  private var inUse: [[Int]]

  /// Checks for the tokens of a state with the accounts and models of `state`.
  public init(for state: InventoryState) {
    allocated = state.accounts.map { Array(repeating: 0, count: $0.hardwareAllocated.count) }
    inUse = allocated
  }

  /// Checks the token at `index` of `state`, which is at `position` of the whole table (its
  /// index there when `state` holds every token).
  public mutating func check(_ index: Int, of state: InventoryState, at position: Int) {
    let token = state.tokens[index]
    func note(_ text: String, in list: inout [Found]) {
      list.append(Found(position: position, order: list.count, text: text))
    }
    if token.sold {
      if token.ownership == .leased {
        note("serial \(token.serial) is leased but was sold", in: &sales)
      }
      if token.state != .allocated {
        note("serial \(token.serial) is sold but \(token.state.rawValue)", in: &sales)
      }
    }
    if state.tokens.index(of: token.serial) != index {
      note("serial \(token.serial) is in more than one place", in: &placement)
    }
    if Int(token.model) >= state.models.count || Int(token.container) >= state.containers.count {
      note("serial \(token.serial) names an unknown model or container", in: &placement)
      return
    }
    let owner = token.accountIndex
    if (token.state == .allocated) != (owner != nil) {
      note(
        "serial \(token.serial) is \(token.state.rawValue) with account mismatch", in: &placement)
    }
    if token.inUse && token.state != .allocated {
      note("serial \(token.serial) is in use but \(token.state.rawValue)", in: &placement)
    }
    guard let owner else { return }
    guard owner < allocated.count else {
      note("serial \(token.serial) names an unknown account", in: &placement)
      return
    }
    allocated[owner][Int(token.model)] += 1
    if token.inUse { inUse[owner][Int(token.model)] += 1 }
  }

  /// Takes in the checks of another part of the same table (tokens at other positions).
  public mutating func merge(_ other: TokenChecks) {
    placement += other.placement
    sales += other.sales
    for account in allocated.indices where account < other.allocated.count {
      for model in allocated[account].indices where model < other.allocated[account].count {
        allocated[account][model] += other.allocated[account][model]
        inUse[account][model] += other.inUse[account][model]
      }
    }
  }

  /// The problems of each token's place and state in table order, then each account whose
  /// counts differ from its tokens'.
  func placementProblems(_ accounts: [Account]) -> [String] {
    var problems = Self.ordered(placement)
    for (index, account) in accounts.enumerated()
    where index >= allocated.count || account.hardwareAllocated != allocated[index]
      || account.hardwareInUse != inUse[index]
    {
      problems.append("\(account.code): hardware counts do not match its tokens")
    }
    return problems
  }

  /// The problems of sold tokens, in table order.
  var saleProblems: [String] { Self.ordered(sales) }

  private static func ordered(_ found: [Found]) -> [String] {
    found.sorted { ($0.position, $0.order) < ($1.position, $1.order) }.map(\.text)
  }
}

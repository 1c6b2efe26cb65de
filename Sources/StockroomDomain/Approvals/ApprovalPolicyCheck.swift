/// What is wrong with a policy against the book: where (chain, level and key, so the policy
/// file can name its line) and why. The one place a policy's rules live.
public struct ApprovalPolicyProblem: Error, Sendable, Equatable {
  /// 0-based.
  public var chain: Int
  /// 0-based; nil for the chain itself.
  public var level: Int?
  /// The key at fault: `types`, `level`, `approver` or `minimum`.
  public var key: String
  public var reason: String

  public init(chain: Int, level: Int?, key: String, reason: String) {
    self.chain = chain
    self.level = level
    self.key = key
    self.reason = reason
  }

  /// `chain 1, level 2: …` (1-based, as people count).
  public var message: String {
    "chain \(chain + 1)" + (level.map { ", level \($0 + 1)" } ?? "") + ": " + reason
  }
}

extension ApprovalPolicy {
  /// The policy with employee IDs as the book spells them and minimums normalised, or the
  /// first problem: a chain without levels, an unknown employee or department, a bad amount.
  public func checked(against book: OrderBook) -> Result<ApprovalPolicy, ApprovalPolicyProblem> {
    var copy = self
    for (chainIndex, chain) in chains.enumerated() {
      if chain.levels.isEmpty {
        return .failure(
          ApprovalPolicyProblem(
            chain: chainIndex, level: nil, key: "level", reason: "a chain needs a level"))
      }
      for (levelIndex, level) in chain.levels.enumerated() {
        func problem(_ key: String, _ reason: String) -> Result<
          ApprovalPolicy, ApprovalPolicyProblem
        > {
          .failure(
            ApprovalPolicyProblem(chain: chainIndex, level: levelIndex, key: key, reason: reason))
        }
        switch level.approver {
        case .manager: break
        case .employee(let id):
          guard let found = book.employee(id) else {
            return problem("approver", "unknown approver \(TextRules.neutralised(id))")
          }
          copy.chains[chainIndex].levels[levelIndex].approver = .employee(found.id)
        case .department(let name):
          if book.people(.department(name), manager: "").isEmpty {
            return problem(
              "approver", "no employee is in department \(TextRules.neutralised(name))")
          }
        }
        if let minimum = level.minimum {
          guard let normalised = Billing.amount(minimum) else {
            return problem("minimum", "not a decimal amount: \(TextRules.neutralised(minimum))")
          }
          copy.chains[chainIndex].levels[levelIndex].minimum = normalised
        }
      }
    }
    return .success(copy)
  }
}

extension Validation {
  /// The support desk sets the policy; it must name people and departments the book knows.
  static func checkPolicy(_ policy: ApprovalPolicy, actor: String, _ book: OrderBook)
    throws(DomainError) -> Change
  {
    guard let employee = book.employee(actor) else {
      throw .unknownOrderItem(kind: "employee", name: TextRules.neutralised(actor))
    }
    guard employee.supportDesk else {
      throw .orderRule("only the support desk may change the approval policy")
    }
    switch policy.checked(against: book) {
    case .failure(let problem): throw .orderRule("approval policy: " + problem.message)
    case .success(let checked):
      return Change(action: .approvalPolicy, order: OrderChange(policy: checked))
    }
  }
}

import StockroomDomain
import TOMLKit

/// The approval policy's TOML file (README "Approval policy"), read with TOMLKit at the edge:
/// the domain only ever sees a checked `ApprovalPolicy`. A bad file is refused naming its line.
public enum ApprovalPolicyFile {
  /// The policy the file describes, checked against the book, or the first problem with its
  /// line.
  public static func read(_ text: String, book: OrderBook) -> Result<
    ApprovalPolicy, ApprovalPolicyFileError
  > {
    let table: TOMLTable
    do {
      table = try TOMLTable(string: text)
    } catch let error as TOMLParseError {
      return .failure(
        ApprovalPolicyFileError(line: error.source.begin.line, reason: error.description))
    } catch {
      return .failure(ApprovalPolicyFileError(line: 1, reason: "\(error)"))
    }
    let locator = PolicyLines(text)
    let policy: ApprovalPolicy
    switch shape(table) {
    case .failure(let problem): return .failure(locator.error(problem))
    case .success(let found): policy = found
    }
    return policy.checked(against: book).mapError { locator.error($0) }
  }

  /// The chains and levels the table holds, without asking the book.
  static func shape(_ table: TOMLTable) -> Result<ApprovalPolicy, ApprovalPolicyProblem> {
    for key in table.keys where key != "chain" {
      return .failure(.init(chain: 0, level: nil, key: key, reason: "unknown key \(key)"))
    }
    guard let value = table["chain"] else { return .success(ApprovalPolicy(chains: [])) }
    guard let list = value.array else {
      return .failure(.init(chain: 0, level: nil, key: "chain", reason: "chain must be [[chain]]"))
    }
    var chains: [ApprovalChain] = []
    for (index, item) in list.enumerated() {
      guard let chainTable = item.table else {
        return .failure(.init(chain: index, level: nil, key: "chain", reason: "not a table"))
      }
      switch chain(chainTable, index) {
      case .failure(let problem): return .failure(problem)
      case .success(let found): chains.append(found)
      }
    }
    return .success(ApprovalPolicy(chains: chains))
  }

  static func chain(_ table: TOMLTable, _ index: Int) -> Result<
    ApprovalChain, ApprovalPolicyProblem
  > {
    func problem(_ key: String, _ reason: String) -> Result<ApprovalChain, ApprovalPolicyProblem> {
      .failure(.init(chain: index, level: nil, key: key, reason: reason))
    }
    for key in table.keys where key != "types" && key != "level" {
      return problem(key, "unknown key \(key) (types, level)")
    }
    var types: [OrderType] = []
    if let value = table["types"] {
      guard let list = value.array else { return problem("types", "types must be a list") }
      for item in list {
        guard let name = item.string, let type = OrderType(rawValue: name) else {
          return problem("types", "unknown order type \(item.string ?? "\(item)")")
        }
        types.append(type)
      }
    }
    var levels: [ApprovalLevel] = []
    for (levelIndex, item) in (table["level"]?.array.map(Array.init) ?? []).enumerated() {
      switch level(item.table, chain: index, level: levelIndex) {
      case .failure(let problem): return .failure(problem)
      case .success(let found): levels.append(found)
      }
    }
    return .success(ApprovalChain(types: types, levels: levels))
  }

  static func level(_ table: TOMLTable?, chain: Int, level: Int) -> Result<
    ApprovalLevel, ApprovalPolicyProblem
  > {
    func problem(_ key: String, _ reason: String) -> Result<ApprovalLevel, ApprovalPolicyProblem> {
      .failure(.init(chain: chain, level: level, key: key, reason: reason))
    }
    guard let table else { return problem("level", "a level must be [[chain.level]]") }
    for key in table.keys where key != "approver" && key != "minimum" {
      return problem(key, "unknown key \(key) (approver, minimum)")
    }
    guard let text = table["approver"]?.string else {
      return problem(
        "approver", "approver must be \"manager\", an employee ID or \"department:NAME\"")
    }
    guard let approver = Approver(text: text) else {
      return problem("approver", "no approver in \"\(text)\"")
    }
    var minimum: String?
    if let value = table["minimum"] {
      guard let text = value.string else {
        return problem("minimum", "minimum must be decimal text in quotes, e.g. \"500.00\"")
      }
      minimum = text
    }
    return .success(ApprovalLevel(approver: approver, minimum: minimum))
  }
}

/// Why a policy file is refused, and where.
public struct ApprovalPolicyFileError: Error, Sendable, Equatable {
  /// 1-based.
  public var line: Int
  public var reason: String

  public init(line: Int, reason: String) {
    self.line = line
    self.reason = reason
  }

  /// `line 7: unknown approver EMP-0099`.
  public var message: String { "line \(line): \(reason)" }
}

/// A `TokenBase` held in memory: the tokens in receipt order with their serial order and
/// groups worked out once. What stands in for a snapshot's tokens when the snapshot cannot be
/// read (the store replays the ledger into one), and a base for tests.
public final class ArrayTokens: TokenBase {
  private let tokens: [HardwareToken]
  /// Indices sorted by serial.
  private let bySerial: [UInt32]
  /// Indices of each holder's tokens of each model, in serial order.
  private let groups: [GroupKey: [UInt32]]

  struct GroupKey: Hashable {
    var holder: Int32
    var model: Int
  }

  public init(_ tokens: [HardwareToken]) {
    self.tokens = tokens
    var order = (0..<UInt32(tokens.count)).map { $0 }
    order.sort { tokens[Int($0)].serial < tokens[Int($1)].serial }
    bySerial = order
    var groups: [GroupKey: [UInt32]] = [:]
    for index in order {
      let token = tokens[Int(index)]
      groups[GroupKey(holder: token.account, model: Int(token.model)), default: []].append(index)
    }
    self.groups = groups
  }

  public var count: Int { tokens.count }

  public func token(at index: Int) -> HardwareToken { tokens[index] }

  public func facts(at index: Int) -> HardwareToken {
    var token = tokens[index]
    token.serial = ""
    return token
  }

  public func serial(at index: Int) -> String { tokens[index].serial }

  public func index(of serial: String) -> Int? {
    var low = 0
    var high = bySerial.count
    while low < high {
      let middle = (low + high) / 2
      if tokens[Int(bySerial[middle])].serial < serial { low = middle + 1 } else { high = middle }
    }
    guard low < bySerial.count, tokens[Int(bySerial[low])].serial == serial else { return nil }
    return Int(bySerial[low])
  }

  public func withSerialOrder<Result>(_ body: (UnsafeBufferPointer<UInt32>) -> Result) -> Result {
    bySerial.withUnsafeBufferPointer(body)
  }

  public func withMembers<Result>(
    holder: Int32, model: Int, _ body: (UnsafeBufferPointer<UInt32>) -> Result
  ) -> Result {
    (groups[GroupKey(holder: holder, model: model)] ?? []).withUnsafeBufferPointer(body)
  }
}

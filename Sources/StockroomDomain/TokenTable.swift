/// Every hardware token: a read-only base (the snapshot's tokens, read in place) and what
/// changed since (tokens changed by index, tokens received after), so opening ten million
/// tokens reads none of them and a commit changes a few entries. Indices are receipt order:
/// the base's first, then those received since. Equal when the tokens are, however held.
public struct TokenTable: Sendable, RandomAccessCollection {
  public typealias Indices = Range<Int>

  /// The tokens as the snapshot left them (nil: none, everything is below).
  public private(set) var base: (any TokenBase)?
  /// Base tokens changed since, by index.
  private var changed: [Int32: HardwareToken] = [:]
  /// One bit per base token, set when `changed` holds it: a dictionary probe per token would
  /// cost more than reading the token.
  private var changedBits: [UInt64] = []
  /// Tokens received since, from index `baseCount` on.
  private var added: [HardwareToken] = []
  /// Serial → index into `added`.
  private var addedIndex = SerialIndex()

  public init(base: (any TokenBase)? = nil) {
    self.base = base
  }

  public var baseCount: Int { base?.count ?? 0 }
  /// How many tokens changed or arrived since the base (what a new snapshot would take in).
  public var overlayCount: Int { changed.count + added.count }
  public var count: Int { baseCount + added.count }
  public var startIndex: Int { 0 }
  public var endIndex: Int { count }

  public subscript(index: Int) -> HardwareToken {
    get {
      let first = baseCount
      if index >= first { return added[index - first] }
      if isChanged(index), let token = changed[Int32(index)] { return token }
      return base?.token(at: index) ?? added[index]
    }
    set {
      let first = baseCount
      if index >= first {
        added[index - first] = newValue
        return
      }
      if changedBits.isEmpty { changedBits = Array(repeating: 0, count: (first + 63) / 64) }
      changedBits[index >> 6] |= 1 << UInt64(index & 63)
      changed[Int32(index)] = newValue
    }
  }

  /// The token at `index` with its serial left empty when making it would cost more than the
  /// rest (a base token): for filters, followed by `serial(at:)` for the ones kept.
  public func facts(at index: Int) -> HardwareToken {
    let first = baseCount
    if index >= first { return added[index - first] }
    if isChanged(index), let token = changed[Int32(index)] { return token }
    return base?.facts(at: index) ?? added[index]
  }

  public func serial(at index: Int) -> String {
    let first = baseCount
    if index >= first { return added[index - first].serial }
    return base?.serial(at: index) ?? added[index].serial
  }

  /// The index of the token with `serial`.
  public func index(of serial: String) -> Int? {
    if let found = addedIndex.find(serial, in: added) { return baseCount + found }
    return base?.index(of: serial)
  }

  /// A token received: appended, found by its serial from now on.
  public mutating func append(_ token: HardwareToken) {
    added.append(token)
    addedIndex.insert(added.count - 1, in: added)
  }

  /// Room for `more` tokens received, growing by doubling: reserving exactly what a batch
  /// needs would copy every token again for each batch of a long replay.
  public mutating func reserveCapacity(_ more: Int) {
    let needed = added.count + more
    if added.capacity < needed { added.reserveCapacity(Swift.max(needed, added.capacity * 2)) }
    if addedIndex.capacity < needed {
      addedIndex.reserve(Swift.max(needed, addedIndex.capacity * 2))
    }
  }

  private func isChanged(_ index: Int) -> Bool {
    !changedBits.isEmpty && changedBits[index >> 6] & (1 << UInt64(index & 63)) != 0
  }

  /// The indices of the tokens `holder` holds (-1: the provider's stock) of `model`, in
  /// serial order.
  public func members(holder: Int32, model: Int) -> [Int] {
    var found: [Int] = []
    forEachMember(holder: holder, model: model) { index, _ in
      found.append(index)
      return true
    }
    return found
  }

  /// Calls `body` with each token `holder` holds (-1: the provider's stock) of `model`, in
  /// serial order, as `facts(at:)` gives it, until `body` returns false. Reads the base's
  /// group in place and merges what changed since: no scan of other tokens, no sort of the
  /// group. A removed token is no one's: it is passed over.
  public func forEachMember(
    holder: Int32, model: Int, _ body: (_ index: Int, _ token: HardwareToken) -> Bool
  ) {
    func visit(_ index: Int, _ token: HardwareToken) -> Bool {
      token.state == .removed || body(index, token)
    }
    let incoming = arrivals(holder: holder, model: model)
    guard let base else {
      for index in incoming where !visit(index, self[index]) { return }
      return
    }
    base.withMembers(holder: holder, model: model) { members in
      func lowerBound(_ serial: String) -> Int {
        var low = 0
        var high = members.count
        while low < high {
          let middle = (low + high) / 2
          if base.serial(at: Int(members[middle])) < serial {
            low = middle + 1
          } else {
            high = middle
          }
        }
        return low
      }
      var next = 0
      var insertAt = incoming.isEmpty ? members.count : lowerBound(serial(at: incoming[0]))
      var position = 0
      while position < members.count || next < incoming.count {
        if next < incoming.count && insertAt <= position {
          if !visit(incoming[next], self[incoming[next]]) { return }
          next += 1
          insertAt =
            next < incoming.count ? Swift.max(insertAt, lowerBound(serial(at: incoming[next]))) : 0
          continue
        }
        let index = Int(members[position])
        position += 1
        if isChanged(index) {
          guard let now = changed[Int32(index)], now.account == holder, Int(now.model) == model
          else { continue }
          if !visit(index, now) { return }
        } else if !visit(index, base.facts(at: index)) {
          return
        }
      }
    }
  }

  /// Tokens in the group now that the base does not list there, sorted by serial.
  private func arrivals(holder: Int32, model: Int) -> [Int] {
    var found: [Int] = []
    if let base {
      for (index, token) in changed where token.account == holder && Int(token.model) == model {
        let before = base.facts(at: Int(index))
        if before.account != holder || Int(before.model) != model { found.append(Int(index)) }
      }
    }
    let first = baseCount
    for (offset, token) in added.enumerated()
    where token.account == holder && Int(token.model) == model {
      found.append(first + offset)
    }
    found.sort { serial(at: $0) < serial(at: $1) }
    return found
  }
}

extension TokenTable: Equatable {
  public static func == (lhs: TokenTable, rhs: TokenTable) -> Bool {
    guard lhs.count == rhs.count else { return false }
    for index in 0..<lhs.count where lhs[index] != rhs[index] { return false }
    return true
  }
}

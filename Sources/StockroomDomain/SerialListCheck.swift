/// Checks a whole list of serials, naming every bad one by kind, so a manifest with several
/// problems is refused once with all of them (not one at a time). `validate` refuses a list
/// with these problems as `DomainError.serialList`.
public enum SerialListCheck {
  /// A known serial's token and where it is.
  struct Found {
    var index: Int
    var token: HardwareToken
  }

  /// The problems with a list, and each known serial's token (each once, in list order):
  /// validation takes the tokens from here instead of looking every serial up again.
  struct Outcome {
    var problems: [String]
    var found: [Found]
  }

  /// Problems with serials to deallocate from `account`: unknown, listed twice, not allocated
  /// to the account (provider stock, faulty, lost or another account's) and in use. Each
  /// entry is one phrase naming its serials (neutralised); empty when the list is good.
  public static func deallocation(
    _ serials: [String], account: Int, state: InventoryState
  ) -> [String] {
    checkDeallocation(serials, account: account, state).problems
  }

  static func checkDeallocation(_ serials: [String], account: Int, _ state: InventoryState)
    -> Outcome
  {
    var foreign: [String] = []
    var busy: [String] = []
    let (unknown, twice, found) = scan(serials, state) { token in
      if !token.isAllocated(to: account) {
        foreign.append(token.serial)
      } else if !token.isDeallocatable(from: account) {
        busy.append(token.serial)
      }
    }
    let problems = [
      phrase("unknown serial", unknown), phrase("listed twice", twice),
      phrase("not allocated to \(TextRules.neutralised(state.accounts[account].code))", foreign),
      phrase("in use", busy),
    ]
    return Outcome(problems: problems.compactMap { $0 }, found: found)
  }

  /// Problems with serials to re-initialize: unknown, listed twice, not faulty.
  public static func reinitialization(_ serials: [String], state: InventoryState) -> [String] {
    checkReinitialization(serials, state).problems
  }

  static func checkReinitialization(_ serials: [String], _ state: InventoryState) -> Outcome {
    var healthy: [String] = []
    let (unknown, twice, found) = scan(serials, state) { token in
      if token.state != .faulty { healthy.append(token.serial) }
    }
    let problems = [
      phrase("unknown serial", unknown), phrase("listed twice", twice),
      phrase("not faulty", healthy),
    ]
    return Outcome(problems: problems.compactMap { $0 }, found: found)
  }

  /// Problems with serials to allocate as `type`: unknown, listed twice, faulty, lost,
  /// already allocated, leased for a sale, or outside `container` (a code or name) when one
  /// is given.
  public static func allocation(
    _ serials: [String], type: AllocationType, container: String? = nil, state: InventoryState
  ) -> [String] {
    checkAllocation(serials, type: type, container: container, state).problems
  }

  static func checkAllocation(
    _ serials: [String], type: AllocationType, container: String?, _ state: InventoryState
  ) -> Outcome {
    var box: Int?
    if let container {
      guard let index = state.containerIndex(container) else {
        return Outcome(
          problems: ["unknown container " + TextRules.neutralised(container)], found: [])
      }
      box = index
    }
    var barred: [AllocationBar: [String]] = [:]
    var elsewhere: [String] = []
    let (unknown, twice, found) = scan(serials, state) { token in
      if let bar = token.allocationBar(as: type) {
        barred[bar, default: []].append(token.serial)
      } else if let box, Int(token.container) != box {
        elsewhere.append(token.serial)
      }
    }
    let problems = [
      phrase("unknown serial", unknown), phrase("listed twice", twice),
      phrase("faulty, never allocated until re-initialized", barred[.faulty] ?? []),
      phrase("lost, never allocatable", barred[.lost] ?? []),
      phrase("already allocated", barred[.allocated] ?? []),
      phrase("leased tokens can only be rented, not sold", barred[.leasedForSale] ?? []),
      phrase("not in that container", elsewhere),
    ]
    return Outcome(problems: problems.compactMap { $0 }, found: found)
  }

  /// Problems with new serials to receive: listed twice, or already in the inventory.
  public static func receipt(_ serials: [String], state: InventoryState) -> [String] {
    var seen = Set<String>()
    var twice: [String] = []
    var named = Set<String>()
    var known: [String] = []
    for serial in serials {
      guard seen.insert(serial).inserted else {
        if named.insert(serial).inserted { twice.append(serial) }
        continue
      }
      if state.token(serial: serial) != nil { known.append(serial) }
    }
    return [
      phrase("serial listed twice", twice), phrase("serial already in the inventory", known),
    ].compactMap { $0 }
  }

  /// Unknown and repeated serials, and the known ones' tokens; `known` sees each known serial
  /// once.
  static func scan(
    _ serials: [String], _ state: InventoryState, _ known: (HardwareToken) -> Void
  ) -> (unknown: [String], twice: [String], found: [Found]) {
    var seen = Set<String>(minimumCapacity: serials.count)
    var unknown: [String] = []
    var twice: [String] = []
    var named = Set<String>()
    var found: [Found] = []
    found.reserveCapacity(serials.count)
    for serial in serials {
      guard seen.insert(serial).inserted else {
        if named.insert(serial).inserted { twice.append(serial) }
        continue
      }
      if let index = state.tokenIndex(serial: serial) {
        let token = state.tokens[index]
        found.append(Found(index: index, token: token))
        known(token)
      } else {
        unknown.append(serial)
      }
    }
    return (unknown, twice, found)
  }

  /// `label: A, B, C` with at most ten serials named and the rest counted.
  static func phrase(_ label: String, _ serials: [String]) -> String? {
    guard !serials.isEmpty else { return nil }
    let shown = serials.prefix(10).map(TextRules.neutralised).joined(separator: ", ")
    let more = serials.count > 10 ? " and \(serials.count - 10) more" : ""
    return "\(label): \(shown)\(more)"
  }
}

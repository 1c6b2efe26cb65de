import StockroomDomain

/// What `verify` compares between a full replay of the ledger and the snapshot plus the
/// ledger's tail (a file store's, or a database store's local cache): the hardware tokens as a digest, everything else as it is (it is small), so
/// the two states are never in memory at once.
public struct StateFingerprint: Equatable {
  var tokens: TokenDigest
  /// The state without its tokens.
  var rest: InventoryState

  /// The fingerprint of a state with its tokens. A snapshot's token pages are let go of as
  /// they are passed: a mapped page read counts as this process's memory until it is.
  public init(_ state: InventoryState) {
    var digest = TokenDigest()
    let mapped = state.tokens.base as? MappedTokens
    for index in state.tokens.indices {
      digest.add(state.tokens[index], at: index)
      if index & 0xFFFF == 0xFFFF { mapped?.releasePages() }
    }
    mapped?.releasePages()
    self.init(rest: state, tokens: digest)
  }

  /// The fingerprint of a state whose tokens were digested elsewhere (a replay in parts).
  init(rest state: InventoryState, tokens: TokenDigest) {
    self.tokens = tokens
    rest = state
    rest.tokens = TokenTable()
  }
}

/// An order-free digest of a token table: a well-mixed value per token and its index, summed,
/// so the tokens of a table may be digested in any order or in parts and the digests added.
struct TokenDigest: Equatable {
  private(set) var count = 0
  private var sum: UInt64 = 0

  mutating func add(_ token: HardwareToken, at index: Int) {
    var hasher = Hasher()
    hasher.combine(index)
    hasher.combine(token)
    sum &+= UInt64(UInt(bitPattern: hasher.finalize()))
    count += 1
  }

  mutating func merge(_ other: TokenDigest) {
    count += other.count
    sum &+= other.sum
  }
}

import StockroomDomain

/// What `verify` compares between a full replay of the ledger and the snapshot plus the
/// ledger's tail (a file store's, or a database store's local cache): the hardware tokens as a
/// digest, everything else as it is (it is small), so the two states are never in memory at
/// once.
public struct StateFingerprint: Equatable {
  var tokenCount: Int
  var tokenDigest: Int
  /// The state without its tokens.
  var rest: InventoryState

  public init(_ state: InventoryState) {
    var hasher = Hasher()
    for token in state.tokens { hasher.combine(token) }
    tokenCount = state.tokens.count
    tokenDigest = hasher.finalize()
    rest = state
    rest.tokens = TokenTable()
  }
}

/// The hardware tokens as a snapshot left them, read in place: what `TokenTable` lays the
/// changes since over. A store provides one read from its snapshot file without loading it;
/// `ArrayTokens` holds one in memory. Indices run 0..<count in receipt order; serial order is
/// `String` order.
public protocol TokenBase: AnyObject, Sendable {
  /// How many tokens.
  var count: Int { get }
  /// The token at `index`.
  func token(at index: Int) -> HardwareToken
  /// The token at `index` with an empty serial: what a filter reads, cheaper than the whole.
  func facts(at index: Int) -> HardwareToken
  /// The serial of the token at `index`.
  func serial(at index: Int) -> String
  /// The index of the token with `serial`.
  func index(of serial: String) -> Int?
  /// Calls `body` with every index in serial order (for writing a new snapshot).
  func withSerialOrder<Result>(_ body: (UnsafeBufferPointer<UInt32>) -> Result) -> Result
  /// Calls `body` with the indices of the tokens `holder` holds (-1: the provider's stock) of
  /// `model`, in serial order.
  func withMembers<Result>(
    holder: Int32, model: Int, _ body: (UnsafeBufferPointer<UInt32>) -> Result
  ) -> Result
}

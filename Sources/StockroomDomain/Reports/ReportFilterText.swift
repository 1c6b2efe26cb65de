/// A report filter as typed (the `report` command's options, the Reports screen's form),
/// checked into a `ReportFilter` in one place so both refuse the same text the same way.
public struct ReportFilterText: Hashable, Sendable {
  public var from: String?
  public var to: String?
  public var account: String?
  public var user: String?
  public var action: String?
  public var product: String?
  public var returnReason: String?
  public var reference: String?

  public init(
    from: String? = nil, to: String? = nil, account: String? = nil, user: String? = nil,
    action: String? = nil, product: String? = nil, returnReason: String? = nil,
    reference: String? = nil
  ) {
    self.from = from
    self.to = to
    self.account = account
    self.user = user
    self.action = action
    self.product = product
    self.returnReason = returnReason
    self.reference = reference
  }

  /// Why the text is not a filter: a malformed value (`usage`, exit 2 headless), or an
  /// account the store does not have (`unknown`, exit 1 as everywhere).
  public enum Problem: Error, Hashable, Sendable {
    case usage(String)
    case unknown(String)

    public var message: String {
      switch self {
      case .usage(let text), .unknown(let text): return text
      }
    }
  }

  /// The filter for `report` on `state`: dates real and in order, the account by code or
  /// name, the action, product or model and reason known. Empty text is no filter.
  public func filter(for report: ReportKind, in state: InventoryState) throws(Problem)
    -> ReportFilter
  {
    func given(_ text: String?) -> String? {
      guard let text else { return nil }
      let trimmed = String(
        text.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
      return trimmed.isEmpty ? nil : trimmed
    }
    func day(_ text: String?, _ name: String) throws(Problem) -> ReportDay? {
      guard let text = given(text) else { return nil }
      guard let day = ReportDay(text) else {
        throw .usage("\(name) \(TextRules.neutralised(text)): give a date as YYYY-MM-DD")
      }
      return day
    }
    var filter = ReportFilter(
      from: try day(from, "--from"), to: try day(to, "--to"), user: given(user),
      reference: given(reference))
    if let first = filter.from, let last = filter.to, last < first {
      throw .usage("--to \(last.text) is before --from \(first.text)")
    }
    if let text = given(action) {
      guard let code = ActionCode(rawValue: text.lowercased()) else {
        throw .usage(
          "--action \(TextRules.neutralised(text)): give one of "
            + ActionCode.allCases.map(\.rawValue).joined(separator: ", "))
      }
      filter.action = code
    }
    if let text = given(returnReason) {
      guard let reason = ReturnReason.parse(text) else {
        throw .usage(
          "--return-reason \(TextRules.neutralised(text)): give one of \(ReturnReason.choices)")
      }
      filter.returnReason = reason
    }
    if let text = given(product) {
      guard ReportKind.isProduct(text, in: state) else {
        throw .usage(
          "--product \(TextRules.neutralised(text)): give a product ("
            + Product.software.map(\.rawValue).joined(separator: ", ") + ") or a hardware model")
      }
      filter.product = text
    }
    if let text = given(account) {
      guard let index = state.accountIndex(text) else {
        throw .unknown("unknown account \(TextRules.neutralised(text))")
      }
      filter.account = state.accounts[index].code
    }
    if report == .movements, let option = MovementsReport.unsupported(filter) {
      throw .usage("\(option) does not narrow the movements report (give the period or --product)")
    }
    return filter
  }
}

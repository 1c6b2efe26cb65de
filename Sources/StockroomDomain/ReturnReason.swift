/// Why tokens came back from an account (issue 18): the seed's reasons, asked by the
/// deallocation wizard and the returns bench, recorded on the transaction as `returnReason`
/// and filtered on by the reports. The values and their words live here only.
public enum ReturnReason: String, CaseIterable, Hashable, Sendable, Codable {
  case notRenewing = "not-renewing"
  case warranty
  case fulfilmentError = "fulfilment-error"
  case other

  /// The words on screens and in plain output.
  public var title: String {
    switch self {
    case .notRenewing: return "Not renewing"
    case .warranty: return "Warranty claim"
    case .fulfilmentError: return "Correction of a fulfilment error"
    case .other: return "Other"
    }
  }

  /// The value of `--return-reason` (any case), nil when it is none of them.
  public static func parse(_ text: String) -> ReturnReason? {
    ReturnReason(rawValue: text.lowercased())
  }

  /// The values as an option's help and a refusal list them: `not-renewing|warranty|…`.
  public static var choices: String { allCases.map(\.rawValue).joined(separator: "|") }
}

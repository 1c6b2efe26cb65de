import ArgumentParser
import StockroomDomain

/// `--return-reason`: why tokens came back, for the deallocation twins and `returns`
/// (`--reason` stays the swap's own option).
struct ReturnReasonOption: ParsableArguments {
  @Option(
    name: .customLong("return-reason"),
    help: "Why the tokens came back: \(ReturnReason.choices) (optional).")
  var text: String?

  /// The reason given, nil when none was; a value that is none of them is a usage error.
  var value: ReturnReason? {
    text.map { UsageCheck.word($0, option: "--return-reason", ReturnReason.allCases) }
  }
}

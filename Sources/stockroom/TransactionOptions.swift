import ArgumentParser

/// The options every deallocation twin shares: where returned stock goes, why, and consent.
struct TransactionOptions: ParsableArguments {
  @Option(help: "Destination container code or exact name (default: the provider's default).")
  var container: String?
  @Option(help: "Optional reference such as an RMA number (up to 64 characters).")
  var reference: String?
  @Option(help: "Optional comment (up to 128 printable characters).")
  var comment: String?
  @Flag(help: "Commit. Without it the summary is printed and nothing is written.")
  var yes = false
  @Flag(help: "Print one JSON object.")
  var json = false
  @OptionGroup var commitKey: CommitKeyOption
}

import ArgumentParser
import StockroomStore

/// `--key KEY` on every headless commit: the idempotency key, so a script that did not see
/// the outcome of a command can run it again: the same key prints the first result and
/// applies nothing, on either store.
struct CommitKeyOption: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "The commit's idempotency key (up to 128 printable ASCII characters).",
      discussion: "Run again with the same key, the command prints the first result and "
        + "applies nothing.",
      valueName: "key"))
  var key: String?

  func validate() throws {
    guard let key else { return }
    let printable = key.unicodeScalars.allSatisfy { $0.value >= 0x21 && $0.value < 0x7f }
    if key.isEmpty || key.count > 128 || !printable {
      throw ValidationError("--key must be 1 to 128 printable ASCII characters, no spaces")
    }
  }

  /// The key to commit under: the one given, else a fresh one.
  var value: String { key ?? ProcessIdentity.newKey() }
}

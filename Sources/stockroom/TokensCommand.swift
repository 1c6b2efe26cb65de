import ArgumentParser
import StockroomDomain
import StockroomStore

/// `stockroom tokens`: hardware tokens, filtered by account, serial or state.
struct TokensCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "tokens",
    abstract: "List hardware tokens (without filters: every token, provider stock included).",
    discussion: HelpExamples.discussion(
      examples: "stockroom tokens --account ACC-0002 --state allocated",
      "stockroom tokens --serial RB1-1100828 --json"))

  @OptionGroup var global: GlobalOptions
  @Option(help: "Account code or exact name.") var account: String?
  @Option(help: "One serial.") var serial: String?
  @Option(help: "available, allocated, faulty, lost or removed.") var state: String?
  @Flag(help: "Print JSON Lines.") var json = false

  func run() throws {
    var wanted: TokenState?
    if let state {
      guard let parsed = TokenState(rawValue: state.lowercased()) else {
        CommandFailure(
          status: .usage,
          message: "--state must be available, allocated, faulty, lost or removed, not "
            + TextRules.neutralised(state)
        ).exit()
      }
      wanted = parsed
    }
    let store = StoreCommands.open(global, readOnly: true)
    let inventory = store.state
    let holder = account.map { StoreCommands.account($0, in: inventory) }
    var indices: [Int]
    if let serial {
      guard let found = inventory.tokens.index(of: serial) else {
        StoreCommands.unknown("serial", serial)
      }
      indices = [found]
    } else if let holder {
      indices = inventory.tokenIndices(account: holder)
    } else {
      indices = Array(inventory.tokens.indices)
    }
    var out = OutputBuffer()
    if !json {
      out.line(
        "SERIAL           MODEL        STATE      ACCOUNT   CONTAINER  IN USE  OWNERSHIP  PIN")
    }
    for index in indices {
      let token = inventory.tokens[index]
      // A removed token (its receive reversed) is listed when asked for, by state or serial.
      if let wanted {
        if token.state != wanted { continue }
      } else if serial == nil && token.state == .removed {
        continue
      }
      if let holder, token.accountIndex != holder { continue }
      let code = token.accountIndex.map { inventory.accounts[$0].code }
      let model = inventory.models[Int(token.model)]
      let container = inventory.containers[Int(token.container)].code
      if json {
        out.line(
          JSONText.object([
            ("serial", JSONText.string(token.serial)), ("model", JSONText.string(model)),
            ("state", JSONText.string(token.state.rawValue)), ("account", JSONText.string(code)),
            ("container", JSONText.string(container)), ("inUse", String(token.inUse)),
            ("ownership", JSONText.string(token.ownership.rawValue)),
            ("needsPIN", String(token.needsPIN)),
          ]))
      } else {
        let cells = [
          (TextRules.neutralised(token.serial), 16), (model, 12), (token.state.rawValue, 10),
          (code ?? "-", 9), (container, 10), (token.inUse ? "yes" : "no", 6),
          (token.ownership.rawValue, 9), (token.needsPIN ? "yes" : "no", 3),
        ]
        out.line(
          cells.map { $0.0.padding(toLength: max($0.1, $0.0.count), withPad: " ", startingAt: 0) }
            .joined(separator: " "))
      }
    }
    out.flush()
  }
}

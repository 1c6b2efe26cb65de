import ArgumentParser
import StockroomDomain

/// `stockroom containers`: the service provider's containers, the default one marked.
struct ContainersCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "containers", abstract: "List the service provider's containers.",
    discussion: HelpExamples.discussion(
      examples: "stockroom containers", "stockroom containers --json"))

  @OptionGroup var global: GlobalOptions
  @Flag(help: "Print JSON Lines (code, name, default).") var json = false

  func run() throws {
    let store = StoreCommands.open(global, readOnly: true)
    let state = store.state
    var out = OutputBuffer()
    for (index, container) in state.containers.enumerated() {
      let isDefault = index == state.defaultContainer
      if json {
        out.line(
          JSONText.object([
            ("code", JSONText.string(container.code)), ("name", JSONText.string(container.name)),
            ("default", isDefault ? "true" : "false"),
          ]))
      } else {
        out.line(
          TextRules.neutralised(container.code) + "  " + TextRules.neutralised(container.name)
            + (isDefault ? "  (default)" : ""))
      }
    }
    out.flush()
  }
}

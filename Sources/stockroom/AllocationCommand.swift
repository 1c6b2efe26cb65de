import ArgumentParser
import StockroomDomain
import StockroomStore

/// `stockroom allocation`: an account's allocation table.
struct AllocationCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "allocation", abstract: "Show an account's allocation table.",
    discussion: HelpExamples.discussion(
      examples: "stockroom allocation --account ACC-0002",
      "stockroom allocation --account \"Fabrikam Health\" --json"))

  @OptionGroup var global: GlobalOptions
  @Option(help: "Account code (ACC-0001) or exact name.") var account: String
  @Flag(help: "Print one JSON object.") var json = false

  func run() throws {
    let store = StoreCommands.open(global, readOnly: true)
    let index = StoreCommands.account(account, in: store.state)
    let holder = store.state.accounts[index]
    let cells = store.state.allocationTable(account: index)
    if json {
      let columns = cells.map { cell in
        JSONText.object([
          ("column", JSONText.string(cell.title)), ("maximum", String(cell.maximum)),
          ("inUse", String(cell.inUse)), ("available", String(cell.available)),
          ("deallocatable", String(cell.deallocatable)),
        ])
      }
      print(
        JSONText.object([
          ("account", JSONText.string(holder.code)), ("name", JSONText.string(holder.name)),
          ("columns", "[" + columns.joined(separator: ",") + "]"),
        ]))
      return
    }
    print("\(holder.code)  \(TextRules.neutralised(holder.name))")
    let widths = cells.map { max($0.title.count, 9) }
    func row(_ label: String, _ values: [String]) -> String {
      var line = label.padding(toLength: 10, withPad: " ", startingAt: 0)
      for (value, width) in zip(values, widths) {
        line += "  " + String(repeating: " ", count: max(0, width - value.count)) + value
      }
      return line
    }
    print(row("", cells.map(\.title)))
    print(row("Maximum", cells.map { String($0.maximum) }))
    print(row("In Use", cells.map { String($0.inUse) }))
    print(row("Available", cells.map { String($0.available) }))
  }
}

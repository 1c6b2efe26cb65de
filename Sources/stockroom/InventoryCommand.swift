import ArgumentParser
import StockroomDomain
import StockroomStore

/// `stockroom inventory`: the service provider's own stock, as the Inventory screen shows it.
struct InventoryCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "inventory",
    abstract: "Show the provider's stock: software by ownership, hardware by state.",
    discussion: HelpExamples.discussion(
      examples: "stockroom inventory", "stockroom inventory --json"))

  @OptionGroup var global: GlobalOptions
  @Flag(help: "Print one JSON object.") var json = false

  func run() throws {
    let store = StoreCommands.open(global, readOnly: true)
    let state = store.state
    let summary = state.inventorySummary()
    let names = Dictionary(
      state.containers.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
    if json {
      let software = summary.software.map { row in
        JSONText.object([
          ("product", JSONText.string(row.product.rawValue)), ("owned", String(row.owned)),
          ("leased", String(row.leased)), ("total", String(row.total)),
        ])
      }
      let hardware = summary.hardware.map { row in
        JSONText.object([
          ("model", JSONText.string(row.model)), ("container", JSONText.string(row.container)),
          ("available", String(row.available)), ("faulty", String(row.faulty)),
          ("lost", String(row.lost)),
        ])
      }
      print(
        JSONText.object([
          ("provider", JSONText.string(state.providerName)),
          ("software", "[" + software.joined(separator: ",") + "]"),
          ("hardware", "[" + hardware.joined(separator: ",") + "]"),
        ]))
      return
    }
    var out = OutputBuffer()
    out.line("Software and capacity     Owned    Leased     Total")
    for row in summary.software {
      out.line(
        pad(row.product.title, 22) + padLeft(row.owned, 9) + padLeft(row.leased, 10)
          + padLeft(row.total, 10))
    }
    out.line("")
    out.line("Hardware      Container              Available   Faulty     Lost")
    for row in summary.hardware {
      let container = TextRules.neutralised(names[row.container] ?? row.container)
      out.line(
        pad(TextRules.neutralised(row.model), 14) + pad(container, 20) + padLeft(row.available, 11)
          + padLeft(row.faulty, 9) + padLeft(row.lost, 9))
    }
    out.flush()
  }

  private func pad(_ text: String, _ width: Int) -> String {
    let clipped = String(text.prefix(width - 1))
    return clipped + String(repeating: " ", count: max(1, width - clipped.count))
  }

  private func padLeft(_ value: Int, _ width: Int) -> String {
    let text = String(value)
    return String(repeating: " ", count: max(1, width - text.count)) + text
  }
}

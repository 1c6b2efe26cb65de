import ArgumentParser
import CursesTerminal
import Foundation
import TerminalUI
import Wizards

/// `stockroom _bench-list --rows N`: a full-width list of N serials in the
/// terminal, nothing else, so `scripts/bench-peers.sh` can run the same list
/// work in Stockroom as in `dialog` and `whiptail`. q or Esc leaves.
struct BenchListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "_bench-list", abstract: "Benchmark: a full-width list of N serials.",
    shouldDisplay: false)

  @Option(help: "How many serials.") var rows = 100_000

  func run() throws {
    let items = (0..<max(0, rows)).map { BenchListCommand.serial($0) }
    let terminal: CursesTerminal
    do {
      terminal = try CursesTerminal()
    } catch {
      CommandFailure(status: .usage, message: String(describing: error)).exit()
    }
    let context = AppContext(
      now: Date(), userName: "bench", userId: 0,
      dataDirectory: URL(fileURLWithPath: "/nonexistent"), version: Stockroom.version)
    var app = App(
      home: BenchListScreen(list: SerialList(items: items)), size: terminal.size,
      context: context)
    TerminalLoop.run(&app, on: terminal)
  }

  /// `RB1-00001234`: serial-sized rows, as the peers get.
  static func serial(_ number: Int) -> String {
    let digits = String(number)
    return "RB1-" + String(repeating: "0", count: max(0, 8 - digits.count)) + digits
  }
}

/// The benchmark's only screen: the list over the whole body.
struct BenchListScreen: Screen {
  var list: SerialList
  var title: String { "Benchmark list (\(list.items.count) serials)" }
  var help: String { "A list for the benchmark: ↑↓ PgUp PgDn move, Space marks, q leaves." }
  var keyBindings: [KeyBinding] { [.mark, KeyBinding("q", "quit")] }

  mutating func update(_ key: Key, context: AppContext) -> Effect {
    if key == .character("q") || key == .escape { return .quit }
    list.layout(in: App.bodyRect(for: Size(width: 80, height: 24)))
    _ = list.update(key)
    return .none
  }

  func view(into buffer: inout Buffer, in rect: Rect, context: AppContext) {
    list.render(into: &buffer, in: rect, focused: true)
  }
}

import ArgumentParser
import Foundation
import StockroomPostgres

/// The `stockroom` command: with no subcommand it opens the home screen.
@main
struct Stockroom: ParsableCommand {
  static let version = "0.1.0"

  static let configuration = CommandConfiguration(
    commandName: "stockroom",
    abstract: "Inventory wizards for support staff and warehouse technicians.",
    discussion: HelpExamples.discussion(
      """
      With no subcommand, opens the home screen in the terminal. Every wizard also has a \
      headless twin that takes the same answers as options.
      """, examples: "stockroom", "stockroom --demo-session --max-sessions 4"),
    version: version,
    subcommands: StoreCommands.all + DeallocationCommands.all + SubscriptionCommands.all
      + OrderCommands.all + AllocationCommands.all + [
        ReturnsHeadlessCommand.self, ReportCommand.self, BenchCommand.self, BenchListCommand.self,
        SSHSetupCommand.self, DraftsCommand.self, ReverseCommand.self, GalleryCommand.self,
      ]
  )

  @OptionGroup var global: GlobalOptions
  @OptionGroup(title: "Demo sessions") var demo: DemoSessionOptions

  func run() throws {
    if demo.enabled { DemoSession.run(demo, lines: global.wantsLineMode()) }
    TerminalLaunch.run(global: global)
  }

  /// Runs the command; ArgumentParser's own usage errors (exit 64) become
  /// exit 2, as docs/DESIGN.md section 5 promises, with one line on stderr.
  static func main() {
    EarlyConnection.begin(
      arguments: Array(CommandLine.arguments.dropFirst()),
      environment: ProcessInfo.processInfo.environment)
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch {
      let code = exitCode(for: error)
      if code == .success, let help = HelpExamples.atTheEnd(fullMessage(for: error)) {
        print(help)
        Foundation.exit(0)
      }
      if code == .success || code == .failure {
        exit(withError: error)
      }
      if code.rawValue == 64 || code == .validationFailure {
        let message = fullMessage(for: error).split(separator: "\n").first.map(String.init) ?? ""
        CommandFailure(
          status: .usage, message: message.replacingOccurrences(of: "Error: ", with: "")
        )
        .exit()
      }
      exit(withError: error)
    }
  }
}

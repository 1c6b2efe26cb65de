import ArgumentParser
import CursesTerminal
import Foundation
import StockroomStore
import TerminalUI
import Wizards

/// The `stockroom` command: with no subcommand it opens the home screen.
@main
struct Stockroom: ParsableCommand {
  static let version = "0.1.0"

  static let configuration = CommandConfiguration(
    commandName: "stockroom",
    abstract: "Inventory wizards for support staff and warehouse technicians.",
    discussion: """
      With no subcommand, opens the home screen in the terminal. Every wizard also has a \
      headless twin that takes the same answers as options.
      """,
    version: version,
    subcommands: StoreCommands.all + DeallocationCommands.all
  )

  @OptionGroup var global: GlobalOptions

  func run() throws {
    let environment = ProcessInfo.processInfo.environment
    let dataDirectory = global.resolvedDataDirectory(environment: environment)
    var context = AppContext(
      now: AppContext.fixedClock(environment) ?? Date(),
      userName: OSUser.current.name, userId: OSUser.current.uid,
      dataDirectory: dataDirectory, version: Stockroom.version)
    if FileStore.hasData(at: dataDirectory) {
      do {
        let store = try FileStore.open(at: dataDirectory)
        for warning in store.warnings {
          FileHandle.standardError.write(Data(("stockroom: warning: " + warning + "\n").utf8))
        }
        context.store = store
      } catch {
        CommandFailure(status: .storeUnavailable, message: error.message).exit()
      }
    }
    let terminal: CursesTerminal
    do {
      terminal = try CursesTerminal(environment: environment)
    } catch {
      CommandFailure(status: .usage, message: String(describing: error)).exit()
    }
    let home: any Screen = context.store == nil ? FirstRunScreen() : Home.screen()
    var app = App(home: home, size: terminal.size, context: context)
    TerminalLoop.run(&app, on: terminal)
  }
}

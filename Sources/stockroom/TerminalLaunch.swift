import CursesTerminal
import Foundation
import StockroomPostgres
import StockroomStore
import TerminalUI
import Wizards

/// Opens the screens: the store (or the first-run offer), the terminal, the
/// app with any screens a command asked for above home, and the key loop.
enum TerminalLaunch {
  static func run(
    global: GlobalOptions, draftsEnabled: Bool = true,
    screens: (AppContext) -> [any Screen] = { _ in [] }
  ) {
    let environment = ProcessInfo.processInfo.environment
    let dataDirectory = global.resolvedDataDirectory(environment: environment)
    var context = AppContext(
      now: AppContext.fixedClock(environment) ?? Date(),
      userName: OSUser.current.name, userId: OSUser.current.uid,
      dataDirectory: dataDirectory, version: Stockroom.version)
    let location = global.resolvedStore(environment: environment)
    if case .postgres(let url) = location {
      context.databaseStore = url.description
      do {
        var options = PostgresStore.Options(dataDirectory: dataDirectory)
        options.progress = RebuildProgress.reporter("reading the ledger from the database")
        let store = try PostgresStore.open(url, options: options)
        // An empty store offers the demo data, as an empty data directory does.
        if store.lastSequence > 0 { context.store = store }
      } catch {
        CommandFailure(status: .storeUnavailable, message: error.message).exit()
      }
    } else if FileStore.hasData(at: dataDirectory) {
      do {
        var options = FileStore.Options()
        options.progress = RebuildProgress.reporter()
        options.indexProgress = RebuildProgress.reporter("no usable index")
        let store = try FileStore.open(at: dataDirectory, options: options)
        // A missing or stale index is rebuilt now, with progress, not at the first lookup.
        try store.prepareLookups()
        for warning in store.warnings {
          FileHandle.standardError.write(Data(("stockroom: warning: " + warning + "\n").utf8))
        }
        context.store = store
      } catch {
        CommandFailure(status: .storeUnavailable, message: error.message).exit()
      }
    }
    if global.wantsLineMode(environment: environment) {
      runLines(context: context, draftsEnabled: draftsEnabled, screens: screens, store: location)
    }
    let terminal: CursesTerminal
    do {
      terminal = try CursesTerminal(environment: environment)
    } catch {
      CommandFailure(status: .usage, message: String(describing: error)).exit()
    }
    var app = makeApp(context: context, size: terminal.size, screens: screens)
    let drafts = draftsEnabled ? DraftLaunch.prepare(&app, on: terminal) : nil
    TerminalLoop.run(&app, on: terminal, drafts: drafts, store: location)
  }

  /// Home (or the first-run offer), with any screens a command asked for above it.
  private static func makeApp(
    context: AppContext, size: Size, screens: (AppContext) -> [any Screen]
  ) -> App {
    let home: any Screen = context.store == nil ? FirstRunScreen() : Home.screen()
    var app = App(home: home, size: size, context: context)
    if context.store != nil {
      for screen in screens(context) { app.carryOut(.push(screen)) }
    }
    return app
  }

  /// The line mode (README, "The line mode"): the same app, read and answered as lines.
  private static func runLines(
    context: AppContext, draftsEnabled: Bool, screens: (AppContext) -> [any Screen],
    store location: StoreLocation
  ) -> Never {
    LineModeSignals.install()
    let writer = LineWriter()
    let reader = LineReader()
    var app = makeApp(context: context, size: LineLoop.size, screens: screens)
    let drafts = draftsEnabled ? DraftLaunch.prepare(&app, writer: writer, reader: reader) : nil
    let status = LineLoop.run(
      &app, writer: writer, reader: reader, drafts: drafts, store: location)
    exit(status)
  }
}

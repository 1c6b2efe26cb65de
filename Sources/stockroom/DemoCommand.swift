import ArgumentParser
import Foundation
import StockroomPostgres
import StockroomStore

/// `stockroom demo`: creates the deterministic demo data set.
struct DemoCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "demo",
    abstract: "Create the demo data set in the data directory.",
    discussion: HelpExamples.discussion(
      "Dates are relative to now (STOCKROOM_NOW fixes the clock).", examples: "stockroom demo",
      "stockroom demo --tokens 20000 --force"))

  @OptionGroup var global: GlobalOptions
  @Option(help: "Seed for the pseudo-random choices.") var seed: UInt64 = 1
  @Option(help: "How many hardware tokens (most go to the large account).") var tokens = 2_000
  @Flag(help: "Replace the data already in the directory.") var force = false

  func validate() throws {
    if tokens < 0 || tokens > 10_000_000 {
      throw ValidationError("--tokens must be from 0 to 10000000")
    }
  }

  func run() throws {
    if case .postgres(let url) = global.resolvedStore() {
      if force {
        CommandFailure(
          status: .usage, message: "--force cannot replace a database store's ledger (append-only)"
        ).exit()
      }
      do {
        var options = StoreCommands.databaseOptions(global)
        options.progress = RebuildProgress.pass("demo: writing \(tokens) tokens")
        let store = try PostgresStore.createDemo(url, options: options, seed: seed, tokens: tokens)
        print(
          "Demo data created in \(url.place): \(store.state.accounts.count) accounts, "
            + "\(store.state.tokens.count) hardware tokens, \(store.lastSequence) transactions.")
      } catch {
        StoreCommands.fail(error)
      }
      return
    }
    let url = global.resolvedDataDirectory()
    do {
      var options = FileStore.Options()
      options.progress = RebuildProgress.pass("demo: writing \(tokens) tokens")
      let store = try FileStore.createDemo(
        at: url, seed: seed, tokens: tokens, force: force, options: options)
      StoreCommands.warn(store.warnings)
      let state = store.state
      print(
        "Demo data created in \(url.path): \(state.accounts.count) accounts, "
          + "\(state.tokens.count) hardware tokens, \(store.lastSequence) transactions.")
    } catch {
      StoreCommands.fail(error)
    }
  }
}

import ArgumentParser
import Foundation
import StockroomDomain
import StockroomPostgres
import StockroomStore

/// `stockroom store migrate --to URL|DIR [--app-role NAME] --yes`: copies the current store
/// (`--store`, `STOCKROOM_STORE`, else the data directory) into a database that holds no store
/// or into an empty directory, every record checked as it is copied (README, "A shared store
/// on PostgreSQL").
struct StoreMigrateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "migrate",
    abstract: "Copy the current store into an empty database or an empty directory.",
    discussion: HelpExamples.discussion(
      """
      The current store is --store URL, else STOCKROOM_STORE, else the data directory. Every \
      record is checked as it is copied (its checksum, sequence and the chain). Into a \
      database (--to URL): the schema and the application role as store init makes them, and \
      the copy, in one SQL transaction. Into a directory (--to DIR): a file store. Without \
      --yes, prints what it would do. Refused when the target is not empty.
      """,
      examples:
        "stockroom store migrate --to postgresql://admin@db.example/stockroom --app-role stockroom_app --yes"
    ))

  @OptionGroup var global: GlobalOptions
  @Option(
    help: ArgumentHelp(
      "Where to copy the store: postgresql://USER@HOST/DATABASE, or a directory.",
      valueName: "url|dir"))
  var to: String
  @Option(help: "The application role to create or grant (into a database).")
  var appRole = StoreSetup.defaultRole
  @Flag(help: "Really copy it.") var yes = false

  func validate() throws {
    guard StoreSetup.isValidRole(appRole) else {
      throw ValidationError(
        "--app-role must be a lower-case SQL name (letters, digits, _) of at most 63 bytes")
    }
    if to.isEmpty { throw ValidationError("--to needs a PostgreSQL URL or a directory") }
    _ = try target()
  }

  /// The target: a database or a directory; a malformed URL is a usage error.
  private func target() throws -> StoreLocation {
    guard PostgresURL.isPostgres(to) else { return .directory(URL(fileURLWithPath: to)) }
    do {
      return .postgres(try PostgresURL(parsing: to))
    } catch {
      throw ValidationError("--to: \(error.message)")
    }
  }

  func run() throws {
    let target = try target()
    let source = StoreCommands.open(global)
    let from = describe(global.resolvedStore())
    if case .postgres(let url) = global.resolvedStore(), target == .postgres(url) {
      refuse("the store cannot be copied into itself")
    }
    let into: String
    switch target {
    case .postgres(let url):
      do {
        if let held = try StoreSetup.transactions(in: url) {
          refuse(
            "\(url.place) already holds a store (schema stockroom, \(held) transactions); "
              + "migrate copies only into a database without one")
        }
      } catch {
        StoreCommands.fail(error)
      }
      into =
        "\(url.place): create the schema stockroom and the role \(appRole) as store init "
        + "does, and fill it"
    case .directory(let directory):
      if let entries = try? FileManager.default.contentsOfDirectory(atPath: directory.path),
        !entries.isEmpty
      {
        refuse(
          "\(directory.path) is not empty (\(entries.count) entries, "
            + "\(entries.sorted().prefix(3).joined(separator: ", ")))")
      }
      into = "\(directory.path) as a file store, with its snapshot and index"
    }
    let total = Int(source.lastSequence)
    guard yes else {
      print("Copy \(from) (\(total) transactions, \(source.state.tokens.count) tokens)")
      print("  into \(into);")
      print(
        "  every record checked as it is copied (checksum, sequence, chain), with the user map.")
      print("Nothing written; add --yes to copy it.")
      return
    }
    do {
      let copied = try copy(source, into: target, total: total)
      print("Copied \(copied) transactions from \(from) into \(describe(target)).")
    } catch {
      StoreCommands.fail(error)
    }
  }

  /// Copies every record and the user map; how many records were copied.
  private func copy(_ source: any LedgerStore, into target: StoreLocation, total: Int)
    throws(LedgerError) -> Int
  {
    let progress = RebuildProgress.pass("migrate: copying")
    let userMap = try source.userMap()
    var done = 0
    let records = { (add: ([UInt8]) throws(LedgerError) -> Void) throws(LedgerError) in
      try source.exportRecords { (line) throws(LedgerError) in
        try add(line)
        done += 1
        progress?(done, total)
      }
    }
    switch target {
    case .postgres(let url):
      var options = StoreCommands.databaseOptions(global)
      options.progress = nil
      let store = try PostgresStore.importing(
        into: url, role: appRole, userMap: userMap, options: options, records: records)
      StoreCommands.warn(store.warnings)
      store.close()
      return Int(store.lastSequence)
    case .directory(let directory):
      let store = try FileStore.importing(at: directory, userMap: userMap, records: records)
      return Int(store.lastSequence)
    }
  }

  private func describe(_ location: StoreLocation) -> String {
    switch location {
    case .postgres(let url): return url.place
    case .directory(let directory): return "the file store in \(directory.path)"
    }
  }

  private func refuse(_ why: String) -> Never {
    CommandFailure(status: .refused, message: "migrate refused: \(why); nothing was copied")
      .exit()
  }
}

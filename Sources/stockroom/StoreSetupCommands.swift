import ArgumentParser
import Foundation
import StockroomPostgres
import StockroomStore

/// `stockroom store …`: setting up a shared store on PostgreSQL (README, "A shared store on
/// PostgreSQL").
struct StoreGroup: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "store", abstract: "Set up a shared store on PostgreSQL.",
    discussion: HelpExamples.discussion(
      examples:
        "stockroom store init --store postgresql://admin@db.example/stockroom --app-role stockroom_app --yes"
    ),
    subcommands: [StoreInitCommand.self, StoreMigrateCommand.self])
}

/// `stockroom store init --store URL [--app-role NAME] --yes`.
struct StoreInitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init",
    abstract: "Create the schema stockroom and the application role in an empty database.",
    discussion: HelpExamples.discussion(
      """
      Without --yes, prints what it would do. Refused on a database that already holds a \
      store. The role is a LOGIN role with no password of its own (site policy adds one).
      """,
      examples:
        "stockroom store init --store postgresql://admin@db.example/stockroom --app-role stockroom_app --yes"
    ))

  @OptionGroup var global: GlobalOptions
  @Option(help: "The application role to create or grant.") var appRole = StoreSetup.defaultRole
  @Flag(help: "Really create it.") var yes = false

  func validate() throws {
    guard StoreSetup.isValidRole(appRole) else {
      throw ValidationError(
        "--app-role must be a lower-case SQL name (letters, digits, _) of at most 63 bytes")
    }
  }

  func run() throws {
    guard case .postgres(let url) = global.resolvedStore() else {
      CommandFailure(
        status: .usage, message: "store init needs --store postgresql://USER@HOST/DATABASE"
      ).exit()
    }
    guard yes else {
      for line in StoreSetup.plan(url, role: appRole) { print(line) }
      print("Nothing written; add --yes to create it.")
      return
    }
    do {
      let created = try StoreSetup.initialize(url, role: appRole)
      print(
        "Created the store in \(url.place); role \(appRole) "
          + (created ? "created (LOGIN, no password)" : "existed") + " and granted.")
    } catch {
      if case .notEmpty = error {
        CommandFailure(
          status: .refused,
          message: "\(url.place) already holds a store (schema stockroom); nothing was changed"
        ).exit()
      }
      StoreCommands.fail(error)
    }
  }
}

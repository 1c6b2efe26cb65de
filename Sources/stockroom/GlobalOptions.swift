import ArgumentParser
import CursesTerminal
import Foundation
import StockroomPostgres

/// Options every command takes: where the data lives.
struct GlobalOptions: ParsableArguments {
  @Option(
    name: .customLong("data-dir"),
    help: ArgumentHelp(
      "The data directory.",
      discussion:
        "Else STOCKROOM_DATA_DIR, else $XDG_DATA_HOME/stockroom, else ~/.local/share/stockroom.",
      valueName: "path"))
  var dataDir: String?

  @Option(
    name: .customLong("store"),
    help: ArgumentHelp(
      "A shared store: postgresql://USER@HOST[:PORT]/DATABASE.",
      discussion:
        "Else STOCKROOM_STORE, else the file store of the data directory. The files of this "
        + "machine (drafts, outbox, receipts, exports) stay in the data directory.",
      valueName: "url"))
  var store: String?

  @Flag(
    name: .customLong("accessible"),
    help: ArgumentHelp(
      "Plain lines instead of screens: for screen readers, braille displays and logs.",
      discussion:
        "Also STOCKROOM_ACCESSIBLE=1, and a terminal that cannot address the cursor (TERM=dumb)."
    ))
  var accessible = false

  /// True when this run reads and writes plain lines (README, "The line mode"): `--accessible`,
  /// `STOCKROOM_ACCESSIBLE` set to anything but empty or `0`, or `TERM=dumb`.
  func wantsLineMode(environment: [String: String] = ProcessInfo.processInfo.environment)
    -> Bool
  {
    if accessible { return true }
    if let value = environment["STOCKROOM_ACCESSIBLE"], !value.isEmpty, value != "0" {
      return true
    }
    return CursesTerminal.cannotAddressCursor(environment: environment)
  }

  /// The store this run uses (README, "A shared store on PostgreSQL"); a malformed URL ends
  /// the run with exit 2 naming what is wrong.
  func resolvedStore(
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> StoreLocation {
    do {
      return try StoreLocation.resolve(
        option: store, environment: environment,
        dataDirectory: resolvedDataDirectory(environment: environment))
    } catch {
      CommandFailure(status: .usage, message: error.message).exit()
    }
  }

  /// The data directory this run uses (docs/DESIGN.md section 5).
  func resolvedDataDirectory(
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> URL {
    if let dataDir, !dataDir.isEmpty { return URL(fileURLWithPath: dataDir) }
    if let path = environment["STOCKROOM_DATA_DIR"], !path.isEmpty {
      return URL(fileURLWithPath: path)
    }
    if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty {
      return URL(fileURLWithPath: xdg).appendingPathComponent("stockroom")
    }
    let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
    return URL(fileURLWithPath: home).appendingPathComponent(".local/share/stockroom")
  }
}

/// The exit codes scripts rely on (docs/DESIGN.md section 5).
enum ExitStatus: Int32 {
  /// Done, or a summary printed without --yes.
  case done = 0
  /// Refused: a rule, an unknown identifier, a broken invariant.
  case refused = 1
  /// Usage: a malformed option, value, format or length.
  case usage = 2
  /// Conflict: another session changed what this depended on.
  case conflict = 3
  /// The store cannot be opened (damaged, locked out, newer version).
  case storeUnavailable = 4
}

/// A failure that ends a command with its exit code and a one-line message on stderr.
struct CommandFailure: Error, CustomStringConvertible {
  var status: ExitStatus
  var message: String
  var description: String { message }
}

extension CommandFailure {
  /// Prints the message (neutralised) to stderr and exits with the status.
  func exit() -> Never {
    FileHandle.standardError.write(Data(("stockroom: " + message + "\n").utf8))
    Foundation.exit(status.rawValue)
  }
}

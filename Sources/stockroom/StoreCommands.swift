import ArgumentParser
import Foundation
import StockroomDomain
import StockroomPostgres
import StockroomStore

/// The storage issue's commands (demo, allocation, tokens, log, show, verify, backup, repair),
/// registered by the root command.
enum StoreCommands {
  static let all: [ParsableCommand.Type] = [
    DemoCommand.self, AllocationCommand.self, TokensCommand.self, LogCommand.self,
    ShowCommand.self, VerifyCommand.self, BackupCommand.self, RepairCommand.self,
    CommitTestCommand.self, BenchStoreCommand.self, BenchClientCommand.self, SnapshotCommand.self,
    StoreGroup.self,
  ]

  /// Opens the store this run uses (`--store`, `STOCKROOM_STORE`, else the data directory),
  /// printing its warnings; exits on failure. The one place a command opens a store.
  static func open(_ global: GlobalOptions, readOnly: Bool = false) -> any LedgerStore {
    switch global.resolvedStore() {
    case .directory: return openFile(global, readOnly: readOnly)
    case .postgres(let url):
      do {
        let store = try PostgresStore.open(url, options: databaseOptions(global))
        warn(store.warnings)
        return store
      } catch {
        fail(error)
      }
    }
  }

  /// How a database store is opened: this machine's files stay in the data directory.
  static func databaseOptions(_ global: GlobalOptions) -> PostgresStore.Options {
    var options = PostgresStore.Options(dataDirectory: global.resolvedDataDirectory())
    options.progress = RebuildProgress.reporter()
    return options
  }

  /// Opens the file store of the data directory (what only a file store has: its snapshot).
  static func openFile(_ global: GlobalOptions, readOnly: Bool = false) -> FileStore {
    var options = FileStore.Options()
    options.readOnly = readOnly
    options.create = !readOnly
    options.progress = RebuildProgress.reporter()
    options.indexProgress = RebuildProgress.reporter("no usable index")
    do {
      let store = try FileStore.open(at: global.resolvedDataDirectory(), options: options)
      warn(store.warnings)
      return store
    } catch {
      fail(error)
    }
  }

  /// Runs a lookup, exiting on failure; prints the warnings it added (an index rebuilt).
  static func lookUp<T>(_ store: any LedgerStore, _ body: () throws(StoreError) -> T) -> T {
    let before = store.warnings.count
    defer { warn(Array(store.warnings.dropFirst(before))) }
    do {
      return try body()
    } catch {
      fail(error)
    }
  }

  /// Prints warnings on stderr, neutralised.
  static func warn(_ warnings: [String]) {
    for warning in warnings {
      FileHandle.standardError.write(
        Data(("stockroom: warning: " + TextRules.neutralised(warning) + "\n").utf8))
    }
  }

  /// Exits with the store error's code and message.
  static func fail(_ error: StoreError) -> Never {
    var message = error.message
    // A list of serials refused whole names every problem after "refused:".
    if case .refused(.serialList) = error { message = "refused: " + message }
    CommandFailure(
      status: ExitStatus(rawValue: error.exitCode) ?? .refused,
      message: TextRules.neutralised(message)
    ).exit()
  }

  /// Exits 1 naming an unknown identifier.
  static func unknown(_ what: String, _ name: String) -> Never {
    CommandFailure(status: .refused, message: "unknown \(what) \(TextRules.neutralised(name))")
      .exit()
  }

  /// The account index for a code or name, or exit 1.
  static func account(_ name: String, in state: InventoryState) -> Int {
    guard let index = state.accountIndex(name) else { unknown("account", name) }
    return index
  }
}

/// Buffered standard output, so a million rows stream quickly.
struct OutputBuffer {
  private var bytes: [UInt8] = []

  mutating func line(_ text: String) {
    bytes += text.utf8
    bytes.append(10)
    if bytes.count > 1 << 16 { flush() }
  }

  mutating func flush() {
    var done = 0
    while done < bytes.count {
      let wrote = bytes.withUnsafeBytes { raw in
        write(1, raw.baseAddress.map { $0 + done }, raw.count - done)
      }
      if wrote <= 0 { break }
      done += wrote
    }
    bytes.removeAll(keepingCapacity: true)
  }
}

/// Minimal JSON text for rows printed by the million.
enum JSONText {
  static func string(_ value: String?) -> String {
    value.map(JSONQuoting.quoted) ?? "null"
  }

  /// One object from ordered key/raw-value pairs.
  static func object(_ fields: [(String, String)]) -> String {
    "{" + fields.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
  }

  /// A Codable value as one line, keys sorted.
  static func encode<T: Encodable>(_ value: T) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(value) else { return "{}" }
    return String(decoding: data, as: UTF8.self)
  }
}

import Foundation
import PostgresNIO
import StockroomDomain

/// What went wrong talking to the database: the server could not be reached or went away
/// (nothing is known of a statement in flight), or it refused a statement (its SQLSTATE).
enum DatabaseError: Error {
  case unreachable(String)
  case refused(sqlState: String, message: String)

  /// The SQLSTATE of a unique violation (a serial already in `stockroom.tokens`, a key or a
  /// sequence number already in the ledger).
  static let uniqueViolation = "23505"
  /// The SQLSTATE of a missing schema or table: no store was initialised there.
  static let undefinedTable = "42P01"
  static let invalidSchema = "3F000"

  /// The error as the ledger reports it, with the store named (never its password).
  func ledgerError(_ url: PostgresURL) -> LedgerError {
    switch self {
    case .unreachable(let reason): return .unavailable("cannot reach \(url.place): \(reason)")
    case .refused(let state, let message):
      return .unavailable("\(url.place) refused a statement (SQLSTATE \(state)): \(message)")
    }
  }
}

/// One connection to the store's database, used from one thread: postgres-nio runs on an event
/// loop of its own and each call waits for its answer, so the synchronous ledger interface
/// works from any thread (a Swift Testing test's too) without blocking that loop. A lost
/// connection is opened again by the next call.
final class DatabaseSession {
  /// The event loop every session of this process talks through; it lives as long as the
  /// process.
  static let eventLoops = MultiThreadedEventLoopGroup(numberOfThreads: 1)
  /// Nothing below critical is logged (postgres-nio logs at debug and trace): a log line could
  /// carry what a statement bound.
  static let logger: Logger = {
    var logger = Logger(label: "stockroom.postgres")
    logger.logLevel = .critical
    return logger
  }()

  let url: PostgresURL
  let environment: [String: String]
  private var connection: PostgresConnection?

  init(url: PostgresURL, environment: [String: String]) {
    self.url = url
    self.environment = environment
  }

  deinit { close() }

  /// Runs one statement and returns its rows.
  @discardableResult
  func query(_ query: PostgresQuery) throws(DatabaseError) -> [PostgresRow] {
    try result(query).rows
  }

  /// Runs one statement and returns its rows and how many rows it touched.
  func result(_ query: PostgresQuery) throws(DatabaseError) -> PostgresQueryResult {
    let connection = try connected()
    do {
      return try connection.query(query, logger: Self.logger).wait()
    } catch {
      throw classify(error)
    }
  }

  /// Runs statements that bind nothing (schema text, BEGIN, COMMIT).
  func execute(_ sql: String) throws(DatabaseError) {
    try query(PostgresQuery(unsafeSQL: sql))
  }

  /// Ends the connection (a later call opens a new one).
  func close() {
    guard let connection else { return }
    self.connection = nil
    _ = try? connection.close().wait()
  }

  private func connected() throws(DatabaseError) -> PostgresConnection {
    if let connection, !connection.isClosed { return connection }
    connection = nil
    let password = PasswordFile.password(for: url, environment: environment)
    var configuration: PostgresConnection.Configuration
    if let socket = url.socketPath {
      configuration = .init(
        unixSocketPath: socket, username: url.user, password: password, database: url.database)
    } else {
      configuration = .init(
        host: url.host, port: url.port, username: url.user, password: password,
        database: url.database, tls: try tls())
    }
    configuration.options.connectTimeout = .seconds(10)
    do {
      let opened = try PostgresConnection.connect(
        on: Self.eventLoops.next(), configuration: configuration, id: 1, logger: Self.logger
      ).wait()
      connection = opened
      return opened
    } catch {
      throw classify(error)
    }
  }

  /// libpq's `prefer` and `require` encrypt without checking the server's certificate; so do
  /// these (`verify-ca` and `verify-full` are not offered).
  private func tls() throws(DatabaseError) -> PostgresConnection.Configuration.TLS {
    guard url.sslMode != .disable else { return .disable }
    var settings = TLSConfiguration.makeClientConfiguration()
    settings.certificateVerification = .none
    do {
      let context = try NIOSSLContext(configuration: settings)
      return url.sslMode == .require ? .require(context) : .prefer(context)
    } catch {
      throw .unreachable("cannot set up TLS: \(error)")
    }
  }

  /// A server's refusal keeps its SQLSTATE and message; anything else means the connection
  /// is gone (it is dropped, so the next call opens a new one).
  private func classify(_ error: any Error) -> DatabaseError {
    if let error = error as? PSQLError {
      if error.code == .server, let info = error.serverInfo {
        let state = info[.sqlState] ?? "?????"
        // Class 08 (connection exception) and 57 (operator intervention: the backend
        // terminated, the server shutting down) end the session: the connection is lost.
        if !state.hasPrefix("08") && !state.hasPrefix("57") {
          return .refused(sqlState: state, message: info[.message] ?? "")
        }
        dropConnection()
        return .unreachable("the server ended the session (SQLSTATE \(state))")
      }
      dropConnection()
      if error.code == .server { return .unreachable("the server ended the session") }
      let cause = error.underlying.map { Self.reason($0) } ?? error.code.description
      return .unreachable(cause)
    }
    dropConnection()
    return .unreachable(Self.reason(error))
  }

  private func dropConnection() {
    guard let connection else { return }
    self.connection = nil
    connection.close().whenComplete { _ in }
  }

  /// A short reason from an error below postgres-nio (connection refused, no such file).
  private static func reason(_ error: any Error) -> String {
    if let error = error as? IOError { return String(cString: strerror(error.errnoCode)) }
    if let error = error as? NIOConnectionError {
      if let first = error.connectionErrors.first { return reason(first.error) }
      if error.dnsAAAAError != nil || error.dnsAError != nil { return "the host name is unknown" }
    }
    if error is ChannelError { return "the connection was closed" }
    return String(describing: error).prefix(200).description
  }
}

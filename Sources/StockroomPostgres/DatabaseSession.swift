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

  /// One line for the status line or an error message.
  var reason: String {
    switch self {
    case .unreachable(let reason): return reason
    case .refused(let state, let message): return "SQLSTATE \(state): \(message)"
    }
  }

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
  /// A connection being made on the event loop while the caller does other work
  /// (`beginConnecting`); the next statement waits for it.
  private var opening: Opening?
  /// Why the last statement could not reach the server; nil once one did.
  private(set) var loss: String?
  /// True between BEGIN and COMMIT or ROLLBACK: a connection lost then took its SQL
  /// transaction with it, so no new one may be opened for the statements that follow (they
  /// would run outside it, without its lock, each on its own).
  private var inTransaction = false

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
    let word = query.sql.prefix(while: { $0.isLetter }).uppercased()
    let ends = word == "COMMIT" || word == "ROLLBACK"
    if inTransaction, connection?.isClosed ?? true {
      // The transaction went with its connection: this statement of it fails (its caller
      // rolls back and stops); the next opens a new connection.
      inTransaction = false
      let reason = "the connection was lost during a transaction"
      dropConnection()
      loss = loss ?? reason
      throw .unreachable(reason)
    }
    let connection = try connected()
    do {
      let result = try Self.answer(connection.query(query, logger: Self.logger))
      loss = nil
      if word == "BEGIN" { inTransaction = true }
      if ends { inTransaction = false }
      return result
    } catch {
      let failed = failure(error)
      if ends || connection.isClosed { inTransaction = false }
      throw failed
    }
  }

  /// Runs statements that bind nothing (schema text, BEGIN, COMMIT).
  func execute(_ sql: String) throws(DatabaseError) {
    try query(PostgresQuery(unsafeSQL: sql))
  }

  /// Rolls back the open SQL transaction after a failure; without a connection there is none
  /// (the server rolled it back), and none is opened for it: the loss stays known.
  func rollback() {
    guard let connection, !connection.isClosed else {
      inTransaction = false
      return
    }
    _ = try? query("ROLLBACK")
  }

  /// Ends the connection (a later call opens a new one).
  func close() {
    inTransaction = false
    if let begun = opening {
      opening = nil
      begun.settle()
      _ = try? begun.connection?.wait().close().wait()
    }
    guard let connection else { return }
    self.connection = nil
    _ = try? connection.close().wait()
  }

  /// Starts making the connection, and sends `first` on it once made, and returns at once:
  /// opening reads the local snapshot while the event loop starts, the server forks its
  /// backend, authenticates and answers (a new backend's first statement is its slowest: it
  /// loads the catalog). `firstResult` collects the answer; a failure is reported there. A
  /// connection the process began as it started (`EarlyConnection`) is taken over.
  func beginConnecting(thenRun first: PostgresQuery) {
    guard connection == nil, opening == nil else { return }
    if let early = EarlyConnection.take(url) {
      early.settle()
      early.first = early.connection?.flatMap { $0.query(first, logger: Self.logger) }
      opening = early
      return
    }
    opening = Self.connect(url, environment, thenRun: first)
  }

  /// A connection made on a thread of its own (even starting the event loop's thread and
  /// reading the password file take a while), `first` sent once it is made.
  static func connect(
    _ url: PostgresURL, _ environment: [String: String], thenRun first: PostgresQuery?
  ) -> Opening {
    let opening = Opening()
    Thread.detachNewThread {
      guard let configuration = try? Self.configuration(url, environment) else {
        opening.ready.signal()
        return
      }
      let connecting = PostgresConnection.connect(
        on: Self.eventLoops.next(), configuration: configuration, id: 1, logger: Self.logger)
      opening.connection = connecting
      if let first {
        opening.first = connecting.flatMap { $0.query(first, logger: Self.logger) }
      }
      opening.ready.signal()
    }
    return opening
  }

  /// A connection `connect` makes on another thread: its futures, once `ready`.
  final class Opening: @unchecked Sendable {
    let ready = DispatchSemaphore(value: 0)
    var connection: EventLoopFuture<PostgresConnection>?
    var first: EventLoopFuture<PostgresQueryResult>?
    private var waited = false

    /// Waits (once) until the futures are set.
    func settle() {
      guard !waited else { return }
      ready.wait()
      waited = true
    }
  }

  /// The rows of `query`: the answer to the statement `beginConnecting` sent, or the
  /// statement run now when none was sent.
  func firstResult(_ query: PostgresQuery) throws(DatabaseError) -> [PostgresRow] {
    guard let opening else { return try self.query(query) }
    opening.settle()
    _ = try connected()
    guard let first = opening.first else { return try self.query(query) }
    opening.first = nil
    do {
      let rows = try first.wait().rows
      loss = nil
      return rows
    } catch {
      throw failure(error)
    }
  }

  private func connected() throws(DatabaseError) -> PostgresConnection {
    if let connection, !connection.isClosed { return connection }
    connection = nil
    let begun = opening
    opening = nil
    begun?.settle()
    do {
      let connecting =
        try begun?.connection
        ?? PostgresConnection.connect(
          on: Self.eventLoops.next(), configuration: try Self.configuration(url, environment),
          id: 1, logger: Self.logger)
      let opened = try connecting.wait()
      connection = opened
      return opened
    } catch {
      throw failure(error)
    }
  }

  /// How to connect to `url`: the password from the URL or libpq's password file, TLS as its
  /// sslmode says.
  static func configuration(_ url: PostgresURL, _ environment: [String: String])
    throws(DatabaseError) -> PostgresConnection.Configuration
  {
    let password = PasswordFile.password(for: url, environment: environment)
    var configuration: PostgresConnection.Configuration
    if let socket = url.socketPath {
      configuration = .init(
        unixSocketPath: socket, username: url.user, password: password, database: url.database)
    } else {
      configuration = .init(
        host: url.host, port: url.port, username: url.user, password: password,
        database: url.database, tls: try tls(url))
    }
    configuration.options.connectTimeout = .seconds(10)
    return configuration
  }

  /// libpq's `prefer` and `require` encrypt without checking the server's certificate; so do
  /// these (`verify-ca` and `verify-full` are not offered).
  private static func tls(_ url: PostgresURL) throws(DatabaseError)
    -> PostgresConnection.Configuration.TLS
  {
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
  private func failure(_ error: any Error) -> DatabaseError {
    let classified = Self.classify(error)
    if case .unreachable(let reason) = classified {
      loss = reason
      dropConnection()
    }
    return classified
  }

  /// What an error from postgres-nio means: a refusal by the server, or a lost connection.
  static func classify(_ error: any Error) -> DatabaseError {
    if let error = error as? PSQLError {
      if error.code == .server, let info = error.serverInfo {
        let state = info[.sqlState] ?? "?????"
        // Class 08 (connection exception) and 57 (operator intervention: the backend
        // terminated, the server shutting down) end the session: the connection is lost.
        if !state.hasPrefix("08") && !state.hasPrefix("57") {
          return .refused(sqlState: state, message: info[.message] ?? "")
        }
        return .unreachable("the server ended the session (SQLSTATE \(state))")
      }
      if error.code == .server { return .unreachable("the server ended the session") }
      let cause = error.underlying.map { Self.reason($0) } ?? error.code.description
      return .unreachable(cause)
    }
    return .unreachable(Self.reason(error))
  }

  /// How long a statement's answer is waited for before the connection counts as lost. A
  /// backend ended while a statement is sent can leave postgres-nio's future unanswered
  /// (seen once in a few hundred runs of LiveSessionTests); without a limit the session
  /// would wait for ever.
  static let answerLimit: DispatchTimeInterval = .seconds(120)

  /// Waits for a statement's answer, at most `answerLimit`.
  static func answer(_ future: EventLoopFuture<PostgresQueryResult>) throws -> PostgresQueryResult {
    let outcome = Outcome()
    future.whenComplete { result in
      outcome.result = result
      outcome.done.signal()
    }
    guard outcome.done.wait(timeout: .now() + answerLimit) == .success, let result = outcome.result
    else { throw NoAnswer() }
    return try result.get()
  }

  /// A statement's answer handed from the event loop to the waiting thread.
  private final class Outcome: @unchecked Sendable {
    let done = DispatchSemaphore(value: 0)
    var result: Result<PostgresQueryResult, any Error>?
  }

  /// No answer came within `answerLimit`: the connection is taken as lost.
  struct NoAnswer: Error, CustomStringConvertible {
    var description: String { "the server gave no answer within 120 s" }
  }

  private func dropConnection() {
    guard let connection else { return }
    self.connection = nil
    // Held until the close completes (postgres-nio requires a connection closed before it
    // goes).
    connection.close().whenComplete { _ in _ = connection }
  }

  /// A short reason from an error below postgres-nio (connection refused, no such file).
  private static func reason(_ error: any Error) -> String {
    if let error = error as? PSQLError {
      return error.underlying.map { reason($0) } ?? error.code.description
    }
    if let error = error as? IOError { return String(cString: strerror(error.errnoCode)) }
    if let error = error as? NIOConnectionError {
      if let first = error.connectionErrors.first { return reason(first.error) }
      if error.dnsAAAAError != nil || error.dnsAError != nil { return "the host name is unknown" }
    }
    if error is ChannelError { return "the connection was closed" }
    return String(describing: error).prefix(200).description
  }
}

import Foundation
import PostgresNIO
import Synchronization

/// A second connection of a session with screens open: it LISTENs on the channel each commit
/// notifies with its sequence number, so the screens refresh when another session commits
/// (never polling the database), and it is how the session learns that the server was lost
/// and is back. Lost, it connects again with `Backoff`; each time it is connected again it
/// counts a new generation, so the store reads what was committed while it was away. It runs
/// on a thread of its own, waiting on the event loop, so it never needs a free thread of
/// Swift's concurrency pool (a busy process may be holding them all).
final class StoreListener: Sendable {
  /// What the listener knows, read by the session's thread.
  struct Status: Sendable {
    /// The highest sequence number a notification carried.
    var notified: UInt64 = 0
    /// How many times the listener has been connected (0: not yet).
    var generation = 0
    /// Why the server cannot be reached, while it cannot.
    var loss: String?
    /// Set by `stop()`: no new connection is made.
    var stopped = false
    /// The connection while there is one (closed by `stop()`).
    var connection: PostgresConnection?
  }

  /// The status, shared with the listening thread (which holds it, not the listener, so the
  /// listener can end when its store lets it go).
  final class Shared: Sendable {
    let status = Mutex(Status())
    func update<T>(_ change: (inout Status) -> T) -> T { status.withLock { change(&$0) } }
  }

  private let shared = Shared()

  /// Starts listening with `configuration`, made again before each try (a password file
  /// may change meanwhile).
  init(
    configuration:
      @escaping @Sendable () throws(DatabaseError) ->
      PostgresConnection
      .Configuration
  ) {
    let shared = shared
    let thread = Thread {
      var backoff = Backoff()
      while !shared.update({ $0.stopped }) {
        let reason = Self.listen(configuration, shared: shared, backoff: &backoff)
        shared.update { $0.loss = reason }
        backoff.sleep()
      }
    }
    thread.name = "stockroom-listener"
    thread.start()
  }

  deinit { stop() }

  var status: Status { shared.update { $0 } }

  /// Ends the connection; no new one is made.
  func stop() {
    let connection = shared.update {
      $0.stopped = true
      return $0.connection
    }
    connection?.close().whenComplete { _ in _ = connection }
  }

  /// One connection's life: connect, LISTEN, note each notification until the connection
  /// closes; returns why it ended.
  private static func listen(
    _ configuration: () throws(DatabaseError) -> PostgresConnection.Configuration,
    shared: Shared, backoff: inout Backoff
  ) -> String {
    let connection: PostgresConnection
    do {
      connection = try PostgresConnection.connect(
        on: DatabaseSession.eventLoops.next(), configuration: try configuration(), id: 2,
        logger: DatabaseSession.logger
      ).wait()
    } catch {
      return DatabaseSession.classify(error).reason
    }
    _ = connection.addListener(channel: StoreSchema.channel) { _, notification in
      guard let sequence = UInt64(notification.payload) else { return }
      shared.update { $0.notified = max($0.notified, sequence) }
    }
    do {
      // Statements run in order: once this one answers, the LISTEN is in place.
      _ = try connection.query("SELECT 1", logger: DatabaseSession.logger).wait()
    } catch {
      connection.close().whenComplete { _ in _ = connection }
      return DatabaseSession.classify(error).reason
    }
    let stopped = shared.update {
      $0.connection = connection
      $0.generation += 1
      $0.loss = nil
      return $0.stopped
    }
    backoff.reset()
    if stopped { connection.close().whenComplete { _ in _ = connection } }
    _ = try? connection.closeFuture.wait()
    shared.update { $0.connection = nil }
    return "the connection was closed"
  }
}

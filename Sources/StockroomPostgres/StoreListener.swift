import Foundation
import PostgresNIO
import Synchronization

/// A second connection of a session with screens open: it LISTENs on the channel each commit
/// notifies with its sequence number, so the screens refresh when another session commits
/// (never polling the database), and it is how the session learns that the server was lost
/// and is back. Lost, it connects again with `Backoff`; each time it is connected again it
/// counts a new generation, so the store reads what was committed while it was away.
final class StoreListener: Sendable {
  /// What the listener knows, read by the session's thread.
  struct Status: Sendable {
    /// The highest sequence number a notification carried.
    var notified: UInt64 = 0
    /// How many times the listener has been connected (0: not yet).
    var generation = 0
    /// Why the server cannot be reached, while it cannot.
    var loss: String?
  }

  private let shared = Mutex(Status())
  private let task = Mutex<Task<Void, Never>?>(nil)

  /// Starts listening with `configuration`, made again before each try (a password file
  /// may change meanwhile).
  init(
    configuration: @escaping @Sendable () throws(DatabaseError) -> PostgresConnection
      .Configuration
  ) {
    let running = Task { [shared] in
      var backoff = Backoff()
      while !Task.isCancelled {
        let reason = await Self.listen(configuration, shared: shared, backoff: &backoff)
        shared.withLock { $0.loss = reason }
        try? await Task.sleep(for: backoff.next())
      }
    }
    task.withLock { $0 = running }
  }

  deinit { stop() }

  var status: Status { shared.withLock { $0 } }

  /// Ends the connection; no new one is made.
  func stop() {
    task.withLock {
      $0?.cancel()
      $0 = nil
    }
  }

  /// One connection's life: connect, LISTEN, note each notification; returns why it ended.
  private static func listen(
    _ configuration: () throws(DatabaseError) -> PostgresConnection.Configuration,
    shared: Mutex<Status>, backoff: inout Backoff
  ) async -> String {
    let connection: PostgresConnection
    do {
      connection = try await PostgresConnection.connect(
        on: DatabaseSession.eventLoops.next(), configuration: try configuration(), id: 2,
        logger: DatabaseSession.logger)
    } catch {
      return DatabaseSession.classify(error).reason
    }
    var reason = "the connection was closed"
    do {
      try await connection.listen(on: StoreSchema.channel) { notifications in
        shared.withLock {
          $0.generation += 1
          $0.loss = nil
        }
        backoff.reset()
        for try await notification in notifications {
          guard let sequence = UInt64(notification.payload) else { continue }
          shared.withLock { $0.notified = max($0.notified, sequence) }
        }
      }
    } catch {
      reason = DatabaseSession.classify(error).reason
    }
    try? await connection.close()
    return reason
  }
}

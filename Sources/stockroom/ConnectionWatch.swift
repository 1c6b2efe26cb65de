import Foundation
import StockroomPostgres
import Wizards

/// Keeps the screens in step with a database store between keys: refreshes as soon as the
/// store's listener heard of another session's commit (no polling of the database), keeps
/// `AppContext.connectionLost` current for the status line, and settles a commit whose
/// outcome was not seen, by its key, once the server answers again, trying no more often
/// than `Backoff` allows (docs/DESIGN.md section 7). Inert on a file store.
struct ConnectionWatch {
  private var backoff = Backoff()
  private var nextTry = ContinuousClock.now

  /// Called on every pass of the loop: whether the screen should be drawn again, and the
  /// outcome of a commit settled now.
  mutating func look(_ app: inout App) -> (changed: Bool, settled: CommitOutcome?) {
    guard let store = app.context.store as? PostgresStore else { return (false, nil) }
    store.listen()
    var changed = Self.noteLoss(store, &app)
    // While the listener finds no server nothing is tried: it connects again by itself.
    guard !store.listenerLost, store.hasNews || app.unsettledCommit != nil,
      ContinuousClock.now >= nextTry
    else { return (changed, nil) }
    let settled = app.settleCommit()
    if settled != nil { changed = true }
    if app.refresh() { changed = true }
    if store.connectionLoss == nil && app.unsettledCommit == nil {
      backoff.reset()
    } else {
      nextTry = ContinuousClock.now + backoff.next()
    }
    return (Self.noteLoss(store, &app) || changed, settled)
  }

  /// Shows (or clears) the loss on the status line; true when that changed.
  private static func noteLoss(_ store: PostgresStore, _ app: inout App) -> Bool {
    let lost = store.connectionLoss != nil
    guard app.context.connectionLost != lost else { return false }
    app.context.connectionLost = lost
    return true
  }
}

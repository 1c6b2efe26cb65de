import Foundation
import Glibc
import StockroomDomain

/// Delivers the outbox on a thread of its own, so that on screen a sendmail that hangs never
/// holds a key. The terminal loop asks for a pass after each commit (and one runs at start,
/// for what earlier processes left), asks now and then for a fresh look, and takes the failed
/// deliveries whenever they changed; it never waits for the courier, except when leaving.
public final class MailCourier: @unchecked Sendable {
  private let outbox: Outbox
  private let condition = NSCondition()
  private var deliveryWanted = true
  private var lookWanted = false
  private var finishing = false
  private var finished = false
  private var last: [MailDelivery] = []
  private var fresh: [MailDelivery]?

  /// Starts the thread, which first delivers what is waiting.
  public init(outbox: Outbox) {
    self.outbox = outbox
    let thread = Thread { [self] in run() }
    thread.name = "stockroom mail"
    thread.start()
  }

  /// Asks for a delivery pass (after a commit posted messages); returns at once.
  public func deliver() {
    condition.lock()
    deliveryWanted = true
    condition.signal()
    condition.unlock()
  }

  /// Asks for a fresh look at the failures (another process may have delivered or failed).
  public func look() {
    condition.lock()
    lookWanted = true
    condition.signal()
    condition.unlock()
  }

  /// The failed deliveries, when they changed since last taken; nil otherwise. Never waits.
  public func takeFailures() -> [MailDelivery]? {
    condition.lock()
    defer { condition.unlock() }
    let taken = fresh
    fresh = nil
    return taken
  }

  /// Lets the pass asked for finish and ends the thread; `waiting` is told once when that
  /// takes more than `patience` seconds (a slow sendmail), then the wait goes on.
  public func finish(patience: Double = 0.5, waiting: () -> Void = {}) {
    condition.lock()
    finishing = true
    condition.broadcast()
    let told = Date().addingTimeInterval(patience)
    var said = false
    while !finished {
      if !said && !condition.wait(until: told) && !finished {
        said = true
        condition.unlock()
        waiting()
        condition.lock()
      } else if said {
        condition.wait()
      }
    }
    condition.unlock()
  }

  private func run() {
    // Signals (a resize, Ctrl-C, a hang-up) belong to the key loop's thread.
    var all = sigset_t()
    sigfillset(&all)
    pthread_sigmask(SIG_BLOCK, &all, nil)
    while true {
      condition.lock()
      while !deliveryWanted && !lookWanted && !finishing { condition.wait() }
      let delivering = deliveryWanted
      if !delivering && !lookWanted && finishing {
        finished = true
        condition.broadcast()
        condition.unlock()
        return
      }
      deliveryWanted = false
      lookWanted = false
      condition.unlock()
      if delivering { _ = outbox.deliver() }
      let failures = outbox.deliveries(states: [.failed])
      condition.lock()
      if failures != last {
        last = failures
        fresh = failures
      }
      condition.broadcast()
      condition.unlock()
    }
  }
}

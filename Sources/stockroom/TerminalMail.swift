import Foundation
import StockroomDomain
import StockroomStore

extension MailCourier {
  /// A courier for the outbox of the data directory; nil without a store.
  static func start(for store: (any InventoryLedger)?) -> MailCourier? {
    guard let store = store as? any LedgerStore else { return nil }
    return MailCourier(outbox: store.outbox)
  }

  /// Said on stderr when leaving waits for a slow sendmail.
  @Sendable static func sayWaiting() {
    FileHandle.standardError.write(
      Data("stockroom: waiting for STOCKROOM_SENDMAIL to take the order mail…\n".utf8))
  }
}

import Foundation
import StockroomDomain
import StockroomStore

/// `stockroom bench` figure for the returns bench (issue 17): the time to handle one scan
/// (`ReturnsSession.scan`: the serial looked up, its refusal or acceptance, the line's facts
/// recorded) on a store of `tokens` tokens, over 1,000 scans of returnable serials from every
/// account with a bad scan (unknown, repeated) every tenth; median and p99, and the first 100
/// against the last 100, which show whether a scan slows down as the session grows.
struct BenchScan {
  let tokens: Int
  let scans = 1_000

  func run(_ url: URL) throws(StoreError) {
    var options = FileStore.Options()
    options.readOnly = true
    let store = try FileStore.open(at: url, options: options)
    let state = store.state
    let serials = Self.returnable(state, count: scans)
    var session = ReturnsSession()
    var times: [Double] = []
    times.reserveCapacity(serials.count)
    for (index, serial) in serials.enumerated() {
      let scanned =
        index % 10 == 9 ? (index % 20 == 9 ? "NOT-A-SERIAL-\(index)" : serials[index - 1]) : serial
      let start = BenchClock.wall()
      _ = session.scan(scanned, in: state)
      times.append(BenchClock.wall() - start)
    }
    let label = "returns bench scan, \(tokens) tokens"
    let median = BenchReport.figure("\(label) (\(times.count) scans)", times)
    let p99 = times.sorted()[min(times.count - 1, times.count * 99 / 100)]
    print(String(format: "%@: p99 %.4f ms", label, p99))
    let first = BenchReport.figure("\(label), scans 1–100", Array(times.prefix(100)))
    let last = BenchReport.figure(
      "\(label), scans \(times.count - 99)–\(times.count)", Array(times.suffix(100)))
    print(
      String(
        format: "%@: target median < 2 ms: %@; last 100 / first 100 = %.2f", label,
        median < 2 ? "met" : "NOT met", first > 0 ? last / first : 0))
  }

  /// `count` allocated, unused serials taken in turn from every account (so a session spans
  /// them all, as a box from many customers does).
  static func returnable(_ state: InventoryState, count: Int) -> [String] {
    var perAccount: [[String]] = state.accounts.indices.map { account in
      Array(
        state.tokenIndices(account: account).lazy.map { state.tokens[$0] }
          .filter { $0.isDeallocatable(from: account) }.prefix(count).map(\.serial))
    }
    var serials: [String] = []
    while serials.count < count, perAccount.contains(where: { !$0.isEmpty }) {
      for account in perAccount.indices where !perAccount[account].isEmpty {
        serials.append(perAccount[account].removeFirst())
        if serials.count == count { break }
      }
    }
    return serials
  }
}

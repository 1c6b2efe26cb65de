import Foundation
import StockroomDomain

/// The demo data set as the commits that make it, in batches, and its user map: what every
/// store writes for `stockroom demo`, so both stores hold the same demo for the same seed.
public struct DemoPlan {
  /// The requests not yet handed out, in reverse order (they are let go of as they are
  /// committed: they name every serial).
  private var reversed: [CommitRequest]
  /// How many requests the demo has in all.
  public let count: Int
  /// The OS user who made the demo is the support desk, allowed to act as anyone.
  public let userMap: UserMap

  public init(seed: UInt64, tokens: Int, now: Date?, environment: [String: String]) {
    var demo = DemoData(
      seed: seed, tokens: max(0, tokens),
      now: now ?? ProcessIdentity.now(environment: environment),
      context: ProcessIdentity.context(environment: environment))
    var requests = demo.build()
    demo.requests = []
    requests.reverse()
    reversed = requests
    count = requests.count
    userMap = UserMap.demo(context: demo.context, employee: DemoData.supportDesk)
  }

  /// How many requests were handed out so far.
  public var committed: Int { count - reversed.count }

  /// The next batch: at least one request, and no more than `limit` serials once it holds
  /// more than one; nil when every request was handed out.
  public mutating func nextBatch(serials limit: Int) -> [CommitRequest]? {
    guard !reversed.isEmpty else { return nil }
    var batch: [CommitRequest] = []
    var serials = 0
    while let next = reversed.last {
      serials += Self.serialCount(next.command)
      if !batch.isEmpty && serials > limit { break }
      batch.append(next)
      reversed.removeLast()
    }
    return batch
  }

  private static func serialCount(_ command: Command) -> Int {
    switch command {
    case .receiveHardware(_, let serials, _, _, _): return serials.count
    case .allocateHardware(_, let serials, _, _): return serials.count
    case .assignHardware(_, let serials, _): return serials.count
    case .deallocateHardware(_, let serials, _, _): return serials.count
    case .returnHardware(_, let returns): return returns.reduce(0) { $0 + $1.serials.count }
    case .reinitialize(let serials): return serials.count
    default: return 0
    }
  }
}

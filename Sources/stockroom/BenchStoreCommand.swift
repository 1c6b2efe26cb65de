import ArgumentParser
import Foundation
import StockroomDomain
import StockroomStore

/// `stockroom _bench-store`: prints timings of opening the store and of a 1,000-serial commit.
struct BenchStoreCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "_bench-store", abstract: "Benchmark: open and commit timings.",
    shouldDisplay: false)

  @OptionGroup var global: GlobalOptions
  @Option(help: "open or commit.") var phase = "open"
  @Option var rounds = 5

  func run() throws {
    let url = global.resolvedDataDirectory()
    do {
      if phase == "open" {
        let start = Date()
        let store = try FileStore.open(at: url)
        let opened = Date().timeIntervalSince(start)
        let cells = store.state.allocationTable(account: 0)
        let first = store.state.tokenIndices(account: 0).prefix(40)
        let drawn = Date().timeIntervalSince(start)
        print(
          String(
            format:
              "open %.1f ms, first screen %.1f ms (%d cells, %d rows), tokens %d, peak RSS %d MiB",
            opened * 1_000, drawn * 1_000, cells.count, first.count, store.state.tokens.count,
            peakRSSMiB()))
        return
      }
      let store = try FileStore.open(at: url)
      let context = ProcessIdentity.context(comment: "bench")
      var deallocate: [Double] = []
      var allocate: [Double] = []
      for _ in 0..<rounds {
        let serials = store.state.tokenIndices(account: 0).lazy
          .filter { !store.state.tokens[$0].inUse }.prefix(1_000).map {
            store.state.tokens[$0].serial
          }
        let picked = Array(serials)
        var start = Date()
        _ = try store.commit(
          .deallocateHardware(
            account: "ACC-0001", serials: picked, disposition: .return, container: nil),
          context: context)
        deallocate.append(Date().timeIntervalSince(start) * 1_000)
        start = Date()
        _ = try store.commit(
          .allocateHardware(account: "ACC-0001", serials: picked, type: .rental), context: context)
        allocate.append(Date().timeIntervalSince(start) * 1_000)
      }
      print(
        String(
          format:
            "commit of 1000 serials (with fsync): deallocate median %.2f ms, allocate median %.2f ms",
          median(deallocate), median(allocate)))
    } catch {
      StoreCommands.fail(error)
    }
  }

  private func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
  }

  private func peakRSSMiB() -> Int {
    guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else {
      return -1
    }
    for line in text.split(separator: "\n") where line.hasPrefix("VmHWM:") {
      let digits = line.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
      return digits / 1_024
    }
    return -1
  }
}

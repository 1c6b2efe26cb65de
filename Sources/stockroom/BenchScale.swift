import Foundation
import StockroomDomain
import StockroomStore
import Wizards

/// `stockroom bench --scale`: how the costs a user waits for grow from one demo size to the
/// next (issue 15), each a median of `rounds` runs with its spread, and the ratio of the
/// largest size to the smallest. Whole commands run as child processes, so their time and
/// peak memory are what a user gets: opening the store to an account's allocation table, a
/// commit of 3 serials, `verify`, and `demo --tokens` itself; the largest hardware pick list
/// (ACC-0001's RB-1) is timed in this process from Search until it is drawn.
struct BenchScale {
  let sizes: [Int]
  let rounds: Int
  /// Where the demo stores are kept between runs (nil: a temporary folder, removed after).
  let directory: URL?

  /// One figure at every size: milliseconds, or KiB for memory.
  private struct Row {
    var name: String
    var memory = false
    var samples: [[Double]] = []
  }

  func run() throws(StoreError) {
    let root =
      directory
      ?? FileManager.default.temporaryDirectory.appendingPathComponent(
        "stockroom-scale-\(getpid())")
    defer { if directory == nil { try? FileManager.default.removeItem(at: root) } }
    var rows = [
      Row(name: "open to ACC-0002's allocation table (process)"),
      Row(name: "  peak memory", memory: true),
      Row(name: "commit of 3 serials (deallocate, process)"),
      Row(name: "  peak memory", memory: true),
      Row(name: "verify (process)"),
      Row(name: "  peak memory", memory: true),
      Row(name: "demo --tokens N (process)"),
      Row(name: "  peak memory", memory: true),
      Row(name: "pick list after Search, ACC-0001 RB-1 (in process)"),
    ]
    // Every child runs before this process opens a store (see `BenchChild`).
    for size in sizes {
      let url = root.appendingPathComponent("demo-\(size)")
      try prepare(url, tokens: size)
      let data = ["--data-dir", url.path]
      let serials = try deallocatable(data, in: root)
      let open = runs(["allocation", "--account", "ACC-0002"] + data)
      rows[0].samples.append(open.map(\.milliseconds))
      rows[1].samples.append(open.map { Double($0.peakKiB) })
      var commits: [BenchChild] = []
      for _ in 0..<rounds {
        commits.append(
          BenchChild.run(
            ["deallocate", "hardware", "--account", "ACC-0002", "--serial"] + serials
              + ["--disposition", "return", "--yes"] + data))
        _ = BenchChild.run(
          ["allocate", "--account", "ACC-0002", "--serial"] + serials + ["--yes"] + data)
      }
      rows[2].samples.append(commits.map(\.milliseconds))
      rows[3].samples.append(commits.map { Double($0.peakKiB) })
      let verify = runs(["verify"] + data)
      rows[4].samples.append(verify.map(\.milliseconds))
      rows[5].samples.append(verify.map { Double($0.peakKiB) })
      let scratch = root.appendingPathComponent("scratch-\(size)")
      let demo = runs(["demo", "--tokens", "\(size)", "--force", "--data-dir", scratch.path])
      try? FileManager.default.removeItem(at: scratch)
      rows[6].samples.append(demo.map(\.milliseconds))
      rows[7].samples.append(demo.map { Double($0.peakKiB) })
      let failed = (open + commits + verify + demo).filter { $0.status != 0 }.count
      if failed > 0 { print("warning: \(failed) runs at \(size) tokens did not exit 0") }
    }
    var pickRows: [Int] = []
    for size in sizes {
      let (picks, shown) = try pickList(root.appendingPathComponent("demo-\(size)"))
      rows[8].samples.append(picks)
      pickRows.append(shown)
    }
    report(rows, pickRows: pickRows)
  }

  /// Three serials of ACC-0002 that can be deallocated, from `stockroom tokens --json`.
  private func deallocatable(_ data: [String], in root: URL) throws(StoreError) -> [String] {
    let listing = root.appendingPathComponent("tokens-ACC-0002.jsonl").path
    defer { unlink(listing) }
    _ = BenchChild.run(["tokens", "--account", "ACC-0002", "--json"] + data, output: listing)
    let text = (try? String(contentsOfFile: listing, encoding: .utf8)) ?? ""
    var serials: [String] = []
    for line in text.split(separator: "\n") where serials.count < 3 {
      guard
        let row = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
        row["state"] as? String == "allocated", row["inUse"] as? Bool == false,
        let serial = row["serial"] as? String
      else { continue }
      serials.append(serial)
    }
    if serials.count < 3 { throw .unavailable("\(data[1]): ACC-0002 has no 3 free serials") }
    return serials
  }

  private func runs(_ arguments: [String]) -> [BenchChild] {
    (0..<rounds).map { _ in BenchChild.run(arguments) }
  }

  /// Makes the demo store at `url` unless an earlier run made it (and said so in a file
  /// beside it once the demo was complete).
  private func prepare(_ url: URL, tokens: Int) throws(StoreError) {
    let done = url.appendingPathExtension("done")
    if FileStore.hasData(at: url) && FileManager.default.fileExists(atPath: done.path) {
      print("reusing \(url.path)")
      return
    }
    print("building \(url.path) (demo --tokens \(tokens))")
    let built = BenchChild.run(["demo", "--tokens", "\(tokens)", "--force", "--data-dir", url.path])
    if built.status != 0 { throw .unavailable("\(url.path): demo exited \(built.status)") }
    FileManager.default.createFile(atPath: done.path, contents: Data())
  }

  /// The time from Search to the drawn pick list, and its row count.
  private func pickList(_ url: URL) throws(StoreError) -> ([Double], Int) {
    let store = try FileStore.open(at: url)
    let context = BenchCommand.context(store, url)
    var opens: [Double] = []
    var shown = 0
    for _ in 0..<rounds {
      guard var app = BenchCommand.wizard(context) else { break }
      _ = app.render()
      app.handle(.tab)
      let start = BenchClock.wall()
      app.handle(.enter)
      let frame = app.render()
      opens.append(BenchClock.wall() - start)
      shown = BenchCommand.allocatedCount(frame.buffer.text)
    }
    return (opens, shown)
  }

  private func report(_ rows: [Row], pickRows: [Int]) {
    print("")
    print(
      "stockroom bench --scale: medians of \(rounds) (min-max); pick list rows: "
        + pickRows.map(String.init).joined(separator: ", "))
    let header =
      ["figure".padding(toLength: 52, withPad: " ", startingAt: 0)]
      + sizes.map { pad("\($0) tokens", 26) } + ["ratio \(sizes.last ?? 0)/\(sizes.first ?? 0)"]
    print(header.joined())
    for row in rows {
      var line = row.name.padding(toLength: 52, withPad: " ", startingAt: 0)
      var medians: [Double] = []
      for samples in row.samples {
        let sorted = samples.sorted()
        guard let low = sorted.first, let high = sorted.last else { continue }
        let median = sorted[sorted.count / 2]
        medians.append(median)
        line += pad(
          row.memory
            ? String(format: "%.0f MiB (%.0f-%.0f)", median / 1_024, low / 1_024, high / 1_024)
            : "\(Self.ms(median)) ms (\(Self.ms(low))-\(Self.ms(high)))", 26)
      }
      if let first = medians.first, let last = medians.last, first > 0 {
        line += String(format: "%.2fx", last / first)
      }
      print(line)
    }
  }

  private static func ms(_ value: Double) -> String { BenchReport.number(value) }

  private func pad(_ text: String, _ width: Int) -> String { BenchReport.pad(text, width) }
}

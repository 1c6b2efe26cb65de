import Foundation
import TestSupport
import Testing

/// The plain `log` names a deallocation's disposition in the seed's words ("Initialize and
/// return to Inventory"), while `log --json` keeps the codes the command line fixes.
@Suite(.serialized) struct DispositionWordsTests {
  @Test(.postgres) func theDatabaseCasesRun() throws { try StoreKind.reachTheServer() }

  @Test(arguments: StoreKind.available)
  func theLogSaysTheSeedsWords(kind: StoreKind) throws {
    let demo = try DemoDirectory(kind)
    defer { demo.remove() }
    let free = demo.serials(account: "ACC-0002", inUse: false)
    let words = [
      "return": "Return to Inventory", "initialize": "Initialize and return to Inventory",
      "faulty": "Faulty", "lost": "Lost",
    ]
    try #require(free.count >= words.count)
    for (serial, (code, title)) in zip(free, words.sorted { $0.key < $1.key }) {
      let run = demo.run([
        "deallocate", "hardware", "--account", "ACC-0002", "--serial", serial, "--disposition",
        code, "--yes",
      ])
      #expect(run.status == 0, "\(run.output)")
      let line = demo.run(["log", "--serial", serial]).output
        .split(separator: "\n").last { $0.contains("deallocate-hardware") }
      #expect(line?.contains("×1 \(title)") == true, "\(line ?? "")")
      let object = demo.objects(["log", "--serial", serial, "--json"]).last
      let items = object?["items"] as? [[String: Any]]
      #expect(items?.first?["disposition"] as? String == code)
    }
  }
}

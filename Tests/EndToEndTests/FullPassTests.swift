import Foundation
import Testing

/// The full passes over the store (issue 15): on a terminal `demo --tokens`, `verify` and
/// `repair` say how far they have got, on one line of stderr rewritten in place; when stderr
/// is not a terminal (scripts, these tests) they print only their result. `bench --scale`
/// prints each figure at every size with the ratio.
@Suite(.serialized) struct FullPassTests {
  private static func scratch(_ name: String) -> String {
    NSTemporaryDirectory() + "stockroom-\(name)-\(getpid())-\(UUID().uuidString.prefix(8))"
  }

  @Test func progressShowsOnATerminalOnly() throws {
    let root = Self.scratch("passes")
    defer { try? FileManager.default.removeItem(atPath: root) }
    let data = root + "/data"
    let quiet = Spawn.run([Binary.path, "demo", "--tokens", "200000", "--data-dir", data])
    #expect(quiet.status == 0, "\(quiet.output)")
    #expect(!quiet.output.contains("%"), "no progress without a terminal: \(quiet.output)")
    let verified = Spawn.run([Binary.path, "verify", "--data-dir", data])
    #expect(verified.status == 0)
    #expect(verified.output == "verify: ok\n", "only the result: \(verified.output)")
    let copied = Spawn.run([Binary.path, "backup", root + "/copy", "--data-dir", data])
    #expect(!copied.output.contains("%"), "\(copied.output)")

    let binary = TmuxSession.quote(Binary.path)
    let dataOption = "--data-dir " + TmuxSession.quote(data)
    let session = try TmuxSession(
      command: "\(binary) demo --tokens 200000 --force \(dataOption) >/dev/null; "
        + "\(binary) verify \(dataOption) >/dev/null; \(binary) repair --yes \(dataOption) >/dev/null; "
        + "echo PASSES-DONE",
      width: 100, height: 24)
    defer { session.close() }
    try session.waitFor("PASSES-DONE", timeout: 120)
    // The pane with the lines scrolled above it: each pass's last progress line stays.
    let screen = session.tmux(["capture-pane", "-p", "-S", "-50", "-t", "0"]).output
    #expect(screen.contains("stockroom: demo: writing 200000 tokens: 100%"), "\(screen)")
    #expect(
      screen.contains("stockroom: verify: checking the ledger, index and snapshot: 100%"),
      "\(screen)")
    #expect(
      screen.contains("stockroom: repair: reading the ledger, then rebuilding: 100%"), "\(screen)")
  }

  @Test func benchScalePrintsEveryFigureWithItsRatio() throws {
    let root = Self.scratch("scale")
    defer { try? FileManager.default.removeItem(atPath: root) }
    let args = [
      Binary.path, "bench", "--scale", "--scale-tokens", "2000,4000", "--scale-rounds", "1",
      "--scale-dir", root,
    ]
    let first = Spawn.run(args)
    #expect(first.status == 0, "\(first.output)")
    #expect(first.output.contains("building"), "\(first.output)")
    for figure in [
      "open to ACC-0002's allocation table", "commit of 3 serials", "verify (process)",
      "demo --tokens N", "pick list after Search",
    ] {
      let line = first.output.split(separator: "\n").first { $0.hasPrefix(figure) }
      #expect(line?.hasSuffix("x") == true, "\(figure) with a ratio:\n\(first.output)")
    }
    #expect(!first.output.contains("did not exit 0"), "\(first.output)")
    let again = Spawn.run(args)
    #expect(again.output.contains("reusing"), "the stores are kept: \(again.output)")
  }
}

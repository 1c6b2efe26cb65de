import Foundation
import Testing

/// Every way of choosing many serials on the hardware pick list, in the real
/// binary in tmux: range, filter and move all shown, paste, file, scanner
/// burst and undo.
@Suite(.serialized) struct SelectionTests {
  /// Northwind's RB-1 wizard after Search, in a pane; the serials listed.
  func open() throws -> (TmuxSession, DemoDirectory, [String]) {
    let demo = try DemoDirectory()
    let serials = demo.serials(account: "ACC-0004", inUse: false).filter { $0.hasPrefix("RB1-") }
      .sorted()
    let command =
      demo.command(["deallocate", "hardware", "--account", "ACC-0004", "--interactive"])
      + "; sleep 60"
    let session = try TmuxSession(command: command, environment: demo.terminalEnvironment)
    try session.waitFor("Available [")
    for _ in 0..<5 { session.send("Right") }
    session.send("Enter")
    try session.waitFor("Search")
    session.send("Tab")
    session.send("Enter")
    try session.waitFor("Allocated (")
    return (session, demo, serials)
  }

  @Test func rangeThenUndo() throws {
    let (session, demo, serials) = try open()
    defer {
      session.close()
      demo.remove()
    }
    try #require(serials.count >= 3)
    session.type("\(serials[0])..\(serials[1])")
    try session.waitFor("..")
    session.send("Enter")
    try session.waitFor("2 to move to Deallocate")
    session.send("Enter")
    try session.waitFor("Deallocate (2)")
    session.send("C-z")
    try session.waitFor("Deallocate (0)")
  }

  @Test func filterAndMoveAllShown() throws {
    let (session, demo, serials) = try open()
    defer {
      session.close()
      demo.remove()
    }
    session.send("Tab")
    session.type("/" + String(serials[0].suffix(7)))
    try session.waitFor("(1 of")
    session.send("Enter")  // after a pause: a person, not a scanner
    try session.waitFor("(1 of")
    session.type("*")
    try session.waitFor("Deallocate (1)")
  }

  @Test func pasteIsPreviewed() throws {
    let (session, demo, serials) = try open()
    defer {
      session.close()
      demo.remove()
    }
    session.tmux(["set-buffer", "\(serials[0])\n\(serials[1]) NOPE-1"])
    session.tmux(["paste-buffer", "-p", "-t", "0"])
    try session.waitFor("1 unknown: NOPE-1")
    session.send("Enter")
    try session.waitFor("Deallocate (2)")
  }

  @Test func fileIsLoaded() throws {
    let (session, demo, serials) = try open()
    defer {
      session.close()
      demo.remove()
    }
    let path = NSTemporaryDirectory() + "stockroom-e2e-rma-\(UUID().uuidString).txt"
    try "\(serials[0])\n\(serials[2])\n".write(toFile: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    session.send("C-o")
    try session.waitFor("Load serials from a file")
    session.type(path)
    try session.waitFor(String(path.suffix(20)))
    session.send("Enter")
    try session.waitFor("2 to move to Deallocate")
    session.send("Enter")
    try session.waitFor("Deallocate (2)")
  }

  /// A path that never ends (a device) is read only up to the limit, and refused in the
  /// prompt; the wizard goes on.
  @Test func aFileThatNeverEndsIsRefused() throws {
    let (session, demo, _) = try open()
    defer {
      session.close()
      demo.remove()
    }
    session.send("C-o")
    try session.waitFor("Load serials from a file")
    session.type("/dev/zero")
    try session.waitFor("/dev/zero")
    session.send("Enter")
    try session.waitFor("/dev/zero is over 64 MiB.")
    session.send("Escape")
    try session.waitFor("Deallocate (0)")
    session.send("Tab")
    session.send("Space")
    session.send("Right")
    try session.waitFor("Deallocate (1)")
  }

  @Test func scannerBurstThenUndo() throws {
    let (session, demo, serials) = try open()
    defer {
      session.close()
      demo.remove()
    }
    session.send("Tab")  // focus on the list: the burst still goes to the scan field
    session.type(serials[1] + "\r")
    try session.waitFor("Deallocate (1)")
    session.send("C-z")
    try session.waitFor("back in Allocated")
    try session.waitFor("Deallocate (0)")
  }
}

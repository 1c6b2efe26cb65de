import Foundation
import TestSupport
import Testing

/// The widget gallery left the home menu for developers: `stockroom _gallery` opens it above
/// home, and `--help` does not list it.
@Suite struct GalleryCommandTests {
  @Test func theHiddenCommandOpensTheGallery() throws {
    let demo = try DemoDirectory()
    defer { demo.remove() }
    #expect(!demo.run(["--help"]).output.contains("_gallery"))
    let session = try TmuxSession(
      command: "exec " + demo.command(["_gallery"]), environment: demo.terminalEnvironment)
    defer { session.close() }
    let screen = try session.waitFor("Widget gallery")
    #expect(screen.contains("Stockroom › Widget gallery"), "\(screen)")
    session.send("Escape")
    try session.waitFor("1  On-Boarding › Allocation")
  }
}

import Foundation
import Testing

/// Hostile text (issue 9): serials from a manifest and values echoed in messages carry escape
/// sequences, C1 and bidi controls and invalid UTF-8; headless output neutralises them, on a
/// terminal too (a terminal title sequence never reaches the terminal).
@Suite(.serialized) struct HostileTextTests {
  static let hostile: [UInt8] =
    Array("RB1-\u{1B}]0;pwned\u{07}X\n".utf8) + Array("\u{1B}[2J\u{1B}[31mRED\n".utf8)
    + Array("\u{202E}evil\u{9B}31m\n".utf8) + Array("RB1-1100828\n".utf8)
  static let invalidUTF8: [UInt8] =
    Array("RB1-1100828\n".utf8) + [0x52, 0x42, 0xFF, 0xFE, 0xC3, 0x0A]

  static func isUnsafe(_ output: String) -> Bool {
    output.unicodeScalars.contains { scalar in
      (scalar.value < 0x20 && scalar != "\n") || (0x7F...0x9F).contains(scalar.value)
        || (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }
  }

  @Test func manifestsAndEchoedValuesAreNeutralised() throws {
    let demo = try DemoDirectory()
    defer { demo.remove() }
    let manifest = demo.path + "/manifest.txt"
    FileManager.default.createFile(atPath: manifest, contents: Data(Self.hostile))
    let refused = demo.run([
      "deallocate", "hardware", "--account", "ACC-0002", "--serials-from", manifest,
      "--disposition", "return",
    ])
    #expect(refused.status == 1 || refused.status == 2, "\(refused.output)")
    #expect(!Self.isUnsafe(refused.output), "\(refused.output.debugDescription)")
    #expect(refused.output.contains("pwned"), "the bad serial is still named")
    let broken = demo.path + "/broken.txt"
    FileManager.default.createFile(atPath: broken, contents: Data(Self.invalidUTF8))
    let unreadable = demo.run([
      "deallocate", "hardware", "--account", "ACC-0002", "--serials-from", broken,
      "--disposition", "return",
    ])
    #expect(unreadable.status == 2 && unreadable.output.contains("UTF-8"), "\(unreadable.output)")
    #expect(!Self.isUnsafe(unreadable.output))
    for arguments in [
      ["allocation", "--account", "\u{1B}]0;pwned\u{07}"],
      ["tokens", "--serial", "\u{9B}2J\u{202E}x"],
      ["show", "T\u{1B}[2J1"],
      ["deallocate", "mobilepass", "--account", "ACC-\u{1B}[5m0002", "--quantity", "1"],
    ] {
      let result = demo.run(arguments)
      #expect(
        result.status != 0 && !Self.isUnsafe(result.output),
        "\(arguments): \(result.output.debugDescription)")
    }
  }

  @Test func onATerminalTheTitleSequenceNeverArrives() throws {
    let demo = try DemoDirectory()
    defer { demo.remove() }
    let manifest = demo.path + "/manifest.txt"
    FileManager.default.createFile(atPath: manifest, contents: Data(Self.hostile))
    let command =
      "\(TmuxSession.quote(Binary.path)) deallocate hardware --account ACC-0002 "
      + "--serials-from \(TmuxSession.quote(manifest)) --disposition return "
      + "--data-dir \(TmuxSession.quote(demo.path)) 2>&1; echo DONE; sleep 30"
    let session = try TmuxSession(command: command, environment: ["LANG": "C.UTF-8"])
    defer { session.close() }
    let screen = try session.waitFor("DONE")
    #expect(screen.contains("pwned"), "\(screen.debugDescription)")
    let title = session.tmux(["display-message", "-p", "-t", "0", "#{pane_title}"]).output
    #expect(!title.contains("pwned"), "title: \(title)")
    #expect(!session.capture(escapes: true).contains("\u{1B}[31m"))
  }
}

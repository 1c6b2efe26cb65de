import Foundation
import TestSupport
import Testing

/// The command line teaches itself: every subcommand's `--help` ends with one or two real
/// examples of that command, and those that only read run as printed on the demo data.
@Suite struct HelpExamplesTests {
  /// Every command `--help` lists (the built-in `help` aside): its path and its discussion.
  static func commands() throws -> [(path: [String], discussion: String)] {
    let dump = Spawn.run([Binary.path, "--experimental-dump-help"])
    let root = try #require(
      JSONSerialization.jsonObject(with: Data(dump.output.utf8)) as? [String: Any])
    var found: [([String], String)] = []
    func walk(_ command: [String: Any], _ path: [String]) {
      guard command["shouldDisplay"] as? Bool != false,
        let name = command["commandName"] as? String, name != "help"
      else { return }
      let here = path + [name]
      found.append((here, command["discussion"] as? String ?? ""))
      for sub in command["subcommands"] as? [[String: Any]] ?? [] { walk(sub, here) }
    }
    walk(try #require(root["command"] as? [String: Any]), [])
    return found
  }

  /// The example lines of a discussion or a help text.
  static func examples(_ text: String) -> [String] {
    guard let block = text.components(separatedBy: "Examples:\n").last, text.contains("Examples:")
    else { return [] }
    return block.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
  }

  @Test func deallocateHardwareHelpEndsWithAnExample() {
    let help = Spawn.run([Binary.path, "deallocate", "hardware", "--help"])
    #expect(help.status == 0)
    let lines = help.output.split(separator: "\n")
    #expect(lines.suffix(3).first == "Examples:", "\(help.output)")
    #expect(lines.last?.hasPrefix("  stockroom deallocate hardware --account ACC-0002") == true)
  }

  @Test func everyCommandEndsItsHelpWithOneOrTwoOfItsOwnExamples() throws {
    let commands = try Self.commands()
    #expect(commands.count > 40)
    for (path, discussion) in commands {
      let examples = Self.examples(discussion)
      #expect((1...2).contains(examples.count), "\(path.joined(separator: " "))")
      let command = path.joined(separator: " ")
      #expect(examples.allSatisfy { $0.contains(command) }, "\(command): \(examples)")
      let help = Spawn.run([Binary.path] + path.dropFirst() + ["--help"])
      #expect(Self.examples(help.output) == examples, "\(command) --help:\n\(help.output)")
    }
  }

  @Test func theExamplesThatOnlyReadRunOnTheDemoData() throws {
    let demo = try DemoDirectory()
    defer { demo.remove() }
    let writes = ["--yes", "--interactive", "|", "=", " demo", "--demo-session", "ssh-setup"]
    let others = [" bench", " backup", " store ", " repair"]
    let readers: [String] = try Self.commands().flatMap { Self.examples($0.discussion) }
      .filter { example in
        example.split(separator: " ").count > 1
          && !(writes + others).contains { example.contains($0) }
      }
    #expect(readers.count > 30)
    for example in Set(readers) {
      let arguments: [String] = Array(Self.words(example).dropFirst())
      let run = demo.run(arguments)
      #expect(run.status == 0, "\(example): \(run.output)")
    }
  }

  /// An example's words as a shell reads them (double quotes keep "Fabrikam Health" whole).
  static func words(_ example: String) -> [String] {
    example.split(separator: "\"", omittingEmptySubsequences: false).enumerated()
      .flatMap { index, part -> [String] in
        index % 2 == 1 ? [String(part)] : part.split(separator: " ").map(String.init)
      }
  }
}

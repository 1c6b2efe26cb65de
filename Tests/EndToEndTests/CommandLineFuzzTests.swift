import Foundation
import TestSupport
import Testing

/// Command-line fuzzing (issue 9): for every headless command found in `--help`, a generated
/// set of malformed invocations (unknown options, missing values, values of the wrong kind or
/// out of range, unknown words, control characters) each gives one line on stderr and exit 2,
/// never a stack trace. The ordinary run tries a third of them, chosen by a seed
/// (`STOCKROOM_FUZZ_SEED`, random unless given; printed, and named on failure);
/// `STOCKROOM_CLI_FUZZ=all` tries every one.
@Suite struct CommandLineFuzzTests {
  /// Leaf commands (with their parent's words) and their options that take a value.
  static func commands() -> [(words: [String], options: [String])] {
    var found: [(words: [String], options: [String])] = []
    func walk(_ words: [String]) {
      let help = Spawn.run([Binary.path] + words + ["--help"]).output
      let subcommands = section("SUBCOMMANDS", of: help).compactMap { line -> String? in
        guard line.hasPrefix("  "), !line.hasPrefix("   "),
          let word = line.split(separator: " ").first
        else { return nil }
        return String(word)
      }.filter { $0 != "See" && $0 != "help" }
      if !subcommands.isEmpty {
        for sub in subcommands { walk(words + [sub]) }
        if !help.contains("(default)") { return }
      }
      let options = section("OPTIONS", of: help).compactMap { line -> String? in
        guard let match = line.firstMatch(of: /^\s+(?:-\w, )?(--[a-z-]+) <[^>]+>/) else {
          return nil
        }
        return String(match.1)
      }
      if !words.isEmpty { found.append((words, options)) }
    }
    walk([])
    return found
  }

  static func section(_ name: String, of help: String) -> [Substring] {
    let lines = help.split(separator: "\n", omittingEmptySubsequences: false)
    guard let start = lines.firstIndex(where: { $0.hasPrefix(name + ":") }) else { return [] }
    return Array(lines[(start + 1)...].prefix { !$0.isEmpty || false })
  }

  /// Values that are malformed for an option, by its name.
  static func badValues(_ option: String) -> [String] {
    switch option {
    case "--quantity", "--count", "--seed", "--tokens", "--limit":
      return ["abc", "-5", "99999999999999999999999", "1e3", "", "٣"]
    case "--state", "--disposition", "--product", "--type":
      return ["bogus", "RETURN ", "", "\u{1B}[31mred"]
    case "--column":
      return ["0", "-1", ""]
    case "--reference":
      return [String(repeating: "R", count: 65), "bad\u{1B}]0;x\u{07}", "tab\there"]
    case "--comment":
      return [String(repeating: "c", count: 129), "line\nbreak", "bell\u{07}"]
    default:
      return []
    }
  }

  @Test func malformedCommandLinesGiveOneLineAndExit2() throws {
    let demo = try DemoDirectory()
    defer { demo.remove() }
    let commands = Self.commands()
    #expect(commands.count >= 12, "\(commands.map(\.words))")
    var invocations: [[String]] = []
    for (words, options) in commands where !words.contains(where: { $0.hasPrefix("_") }) {
      invocations.append(words + ["--no-such-option"])
      invocations.append(words + ["--data-dir"])
      invocations.append(words + ["-Z"])
      for option in options {
        invocations.append(words + [option])
        for value in Self.badValues(option) { invocations.append(words + [option, value]) }
      }
    }
    invocations.append(["drafts", "discard", "../../ledger"])
    invocations.append(["drafts", "discard", "0123456789ab/"])
    invocations.append(["no-such-command"])
    // The ordinary test run tries a third, a different one each run; the fault suite
    // (STOCKROOM_CLI_FUZZ=all) all of them.
    var note = "every invocation"
    if ProcessInfo.processInfo.environment["STOCKROOM_CLI_FUZZ"] != "all" {
      let seed = FuzzSeed("CommandLineFuzzTests")
      var generator = seed.generator
      let chosen = invocations.indices.shuffled(using: &generator)
        .prefix((invocations.count + 2) / 3).sorted()
      invocations = chosen.map { invocations[$0] }
      note = "a third, \(seed.note)"
    }
    var problems: [String] = []
    for arguments in invocations {
      let result = demo.run(arguments)
      let lines = result.output.split(separator: "\n")
      let shown = arguments.map { $0.debugDescription }.joined(separator: " ")
      if result.status != 2 {
        problems.append("\(shown): exit \(result.status): \(result.output.prefix(200))")
      } else if lines.count != 1 || !result.output.hasPrefix("stockroom: ") {
        problems.append("\(shown): \(lines.count) lines: \(result.output.prefix(300))")
      } else if result.output.contains("\u{1B}") || result.output.contains("Fatal error") {
        problems.append("\(shown): unsafe or crashed: \(result.output.debugDescription)")
      }
    }
    print("fault-figure: bad command lines \(invocations.count) (\(note))")
    #expect(
      problems.isEmpty,
      "\(problems.count) problems (\(note)):\n\(problems.joined(separator: "\n"))")
  }
}

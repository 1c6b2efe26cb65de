import ArgumentParser
import Foundation

/// The root command's demo options: `stockroom --demo-session` serves one visitor (e.g. over
/// SSH) a private copy of the demo data that vanishes on exit.
struct DemoSessionOptions: ParsableArguments {
  @Flag(
    name: .customLong("demo-session"),
    help: "Open the home screen on a private copy of the demo data, removed on exit.")
  var enabled = false

  @Option(
    name: .customLong("demo-root"),
    help: ArgumentHelp(
      "Where demo sessions keep their private directories.",
      discussion: "Else $TMPDIR/stockroom-demo, else /tmp/stockroom-demo.", valueName: "dir"))
  var root: String?

  @Option(
    name: .customLong("max-sessions"),
    help: ArgumentHelp("How many demo sessions may run at once.", valueName: "n"))
  var maxSessions: Int?

  @Option(
    name: .customLong("idle-timeout"),
    help: ArgumentHelp(
      "End a demo session after this many seconds without a key (0: never).",
      valueName: "seconds"))
  var idleTimeout: Int?

  static let defaultMaxSessions = 20
  static let defaultIdleTimeout = 900

  var resolvedMaxSessions: Int { maxSessions ?? Self.defaultMaxSessions }
  var resolvedIdleTimeout: Int { idleTimeout ?? Self.defaultIdleTimeout }

  func validate() throws {
    if let maxSessions, maxSessions < 1 || maxSessions > 10_000 {
      throw ValidationError("--max-sessions must be from 1 to 10000")
    }
    if let idleTimeout, idleTimeout < 0 || idleTimeout > 604_800 {
      throw ValidationError("--idle-timeout must be from 0 to 604800 seconds")
    }
    if let root, !root.hasPrefix("/") || root.contains(where: { $0.isNewline || $0 == "\0" }) {
      throw ValidationError("--demo-root must be an absolute path")
    }
  }
}

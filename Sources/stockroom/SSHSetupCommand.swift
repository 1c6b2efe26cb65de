import ArgumentParser
import Foundation

/// `stockroom ssh-setup`: prints, for an administrator, the OpenSSH configuration and the
/// commands that make `ssh demo@host` land straight in a demo session (README "Demos over SSH").
struct SSHSetupCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ssh-setup",
    abstract: "Print the OpenSSH configuration that serves demo sessions to a demo user.",
    discussion: HelpExamples.discussion(
      """
      Prints the commands that create the demo user (login shell /bin/sh: sshd runs \
      ForceCommand through it) and the sshd_config Match block, ending with the block.
      """, examples: "stockroom ssh-setup --user demo --max-sessions 8"))

  @Option(
    help: ArgumentHelp("The stockroom binary sshd runs (default: this one).", valueName: "path"))
  var binary: String?

  @Option(help: ArgumentHelp("The account visitors log in as.", valueName: "name"))
  var user = "demo"

  /// The options passed on to `--demo-session` (shared with the root command, which
  /// parses them first).
  @OptionGroup(title: "Passed to --demo-session") var demo: DemoSessionOptions

  func validate() throws {
    if user.firstMatch(of: /^[a-z_][a-z0-9_-]{0,31}$/) == nil {
      throw ValidationError("--user must be a plain account name (lower-case letters, digits, _ -)")
    }
    if let binary {
      guard binary.hasPrefix("/"), !binary.contains(where: { $0.isNewline || $0 == "\0" }) else {
        throw ValidationError("--binary must be an absolute path on one line")
      }
    }
  }

  func run() throws {
    let path = binary ?? SSHSetup.executablePath()
    print(
      SSHSetup.text(
        binary: path, user: user, demoRoot: demo.root, maxSessions: demo.resolvedMaxSessions,
        idleTimeout: demo.resolvedIdleTimeout), terminator: "")
  }
}

/// The text `stockroom ssh-setup` prints.
enum SSHSetup {
  /// The absolute path of the running binary.
  static func executablePath() -> String {
    if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
      return resolved
    }
    let first = CommandLine.arguments.first ?? "stockroom"
    return URL(fileURLWithPath: first).standardizedFileURL.path
  }

  /// The command sshd forces (run by the user's login shell, so quoted for `sh`).
  static func forceCommand(
    binary: String, demoRoot: String?, maxSessions: Int, idleTimeout: Int
  ) -> String {
    var words = [quoted(binary), "--demo-session"]
    if let demoRoot { words += ["--demo-root", quoted(demoRoot)] }
    words += ["--max-sessions", "\(maxSessions)", "--idle-timeout", "\(idleTimeout)"]
    return words.joined(separator: " ")
  }

  /// The Match block, one setting a line.
  static func matchBlock(user: String, forceCommand: String) -> String {
    let settings = [
      "ForceCommand \(forceCommand)",
      "PermitTTY yes",
      "DisableForwarding yes",
      "PermitUserRC no",
      "PermitTunnel no",
      "X11Forwarding no",
      "AllowAgentForwarding no",
      "AllowTcpForwarding no",
      "AllowStreamLocalForwarding no",
      "MaxSessions 1",
      "ClientAliveInterval 30",
      "ClientAliveCountMax 3",
    ]
    return "Match User \(user)\n" + settings.map { "    " + $0 + "\n" }.joined()
  }

  static func text(
    binary: String, user: String, demoRoot: String?, maxSessions: Int, idleTimeout: Int
  ) -> String {
    let command = forceCommand(
      binary: binary, demoRoot: demoRoot, maxSessions: maxSessions, idleTimeout: idleTimeout)
    return """
      # Stockroom demos over SSH: `ssh \(user)@host` opens Stockroom on a private copy of
      # the demo data, removed when the visitor leaves. Nothing else runs for that user.
      #
      # 1. As root, create the user. Its login shell must be /bin/sh: sshd runs ForceCommand
      #    through the login shell, so nologin or rbash would break it. The account has no
      #    password; visitors log in with the public keys you put in authorized_keys
      #    (owned by root, so nothing the demo runs could change them).
      useradd --create-home --shell /bin/sh \(user)
      install -d -m 755 -o root -g root ~\(user)/.ssh
      install -m 644 -o root -g root /dev/null ~\(user)/.ssh/authorized_keys
      #
      # 2. \(binary) must be executable by \(user) (a release build with
      #    --static-swift-stdlib needs nothing else). It never reads SSH_ORIGINAL_COMMAND,
      #    --data-dir or STOCKROOM_DATA_DIR in a demo session.
      #
      # 3. Add this block at the END of /etc/ssh/sshd_config (a Match block runs to the next
      #    Match or the end of the file), then check and reload: sshd -t && systemctl reload ssh

      \(matchBlock(user: user, forceCommand: command))
      """
  }

  /// `text` quoted for `sh` when it holds anything but safe characters.
  static func quoted(_ text: String) -> String {
    let safe = text.allSatisfy {
      $0.isASCII && ($0.isLetter || $0.isNumber || "/._-+:@".contains($0))
    }
    return safe ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
}

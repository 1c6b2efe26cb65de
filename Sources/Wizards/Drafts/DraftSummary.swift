import TerminalUI

/// A screen that can fingerprint its answers for a draft, so a resume can tell
/// when the replayed answers differ from the saved ones (picks gone stale).
public protocol DraftSummarizing {
  /// One `name: value` line per answer.
  var draftSummary: String { get }
}

/// A wizard flow that can fingerprint its answers (see `DraftSummarizing`).
public protocol DraftSummarizingFlow: LegacyWizardFlow {
  func draftSummary(step: Int, answers: Answers) -> String
}

extension LegacyWizardScreen: DraftSummarizing where Flow: DraftSummarizingFlow {
  public var draftSummary: String {
    "step: \(flow.steps[step])\n" + flow.draftSummary(step: step, answers: answers)
  }
}

extension App {
  /// The fingerprint of the topmost screen that has one, after its breadcrumb
  /// and position (every screen has those).
  public var draftSummary: String {
    let screens = draftScreens
    var lines = ["screens: " + screens.map(\.title).joined(separator: " › ")]
    if let screen = screens.last(where: { $0 is any DraftSummarizing }),
      let summarizing = screen as? any DraftSummarizing
    {
      lines.append(summarizing.draftSummary)
    } else {
      lines.append("position: " + (screens.last?.position ?? ""))
    }
    return lines.joined(separator: "\n")
  }

  /// The stack as a draft sees it: without the notice a resume put on top (no key made it).
  public var draftScreens: [any Screen] { stack.filter { !($0 is ResumeNotice) } }

  /// Replays a draft's events from home, dropping every commit: the screens
  /// land where the user was. A refused commit's saved answer is handed back.
  public mutating func replay(_ events: [DraftEvent]) {
    isReplaying = true
    defer { isReplaying = false }
    for event in events {
      if isFinished { break }
      switch event {
      case .key(let key):
        handle(key)
      case .outcome(let outcome):
        stack[stack.count - 1].committed(outcome, context: context)
      }
    }
  }
}

/// Says how a replayed draft's fingerprint differs from the saved one.
public enum DraftComparison {
  /// Nil when equal; else the lines that changed, "name: saved → now".
  public static func differences(saved: String, replayed: String) -> String? {
    if saved == replayed { return nil }
    func fields(_ text: String) -> [(String, String)] {
      text.split(separator: "\n").map { line in
        let parts = line.split(separator: ":", maxSplits: 1).map(String.init)
        return (parts[0], parts.count > 1 ? parts[1].trimmingCharacters() : "")
      }
    }
    let before = fields(saved)
    let after = Dictionary(fields(replayed), uniquingKeysWith: { first, _ in first })
    var changes: [String] = []
    for (name, value) in before where after[name] != value {
      changes.append("\(name): \(value.isEmpty ? "none" : value) → \(after[name] ?? "gone")")
    }
    if changes.isEmpty { changes.append("the screens differ") }
    return TextSafety.neutralised(changes.joined(separator: "; "))
  }
}

extension String {
  fileprivate func trimmingCharacters() -> String {
    var text = Substring(self)
    while text.first == " " { text.removeFirst() }
    return String(text)
  }
}

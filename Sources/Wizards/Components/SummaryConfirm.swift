import StockroomDomain
import TerminalUI

/// The Confirm step of a wizard whose change is one command's summary (allocating,
/// deallocating, receiving): drawn wrapped to the step, read in the line mode with every row
/// named, from the same summary.
enum SummaryConfirm {
  /// The line under every Confirm summary.
  static let nothingYet = "Nothing is written until you confirm."

  static func draw(_ summary: any CommandSummary, into buffer: inout Buffer, in rect: Rect) {
    var lines = summary.lines(width: rect.width - 2) + ["", nothingYet]
    if lines.count > rect.height {
      lines =
        Array(lines.prefix(rect.height - 1)) + ["… (\(lines.count - rect.height + 1) more lines)"]
    }
    for (index, line) in lines.enumerated() {
      buffer.put(
        line, x: rect.x + 1, y: rect.y + index, style: index == 0 ? .title : .plain, clip: rect)
    }
  }

  static func lines(_ summary: any CommandSummary) -> [String] {
    summary.namedLines + [nothingYet]
  }
}

/// A wizard whose Confirm step is one command's summary: it gives the summary, and the step is
/// drawn and read in the line mode from it.
public protocol SummaryConfirmFlow: WizardFlow {
  associatedtype Summary: CommandSummary
  /// What Confirm will commit, in words, from the answers and the state now.
  func summary(_ answers: Answers, context: AppContext) -> Summary
}

extension SummaryConfirmFlow {
  func viewConfirm(
    answers: Answers, into buffer: inout Buffer, in rect: Rect, context: AppContext
  ) {
    SummaryConfirm.draw(summary(answers, context: context), into: &buffer, in: rect)
  }

  public func confirmLines(answers: Answers, context: AppContext) -> [String] {
    SummaryConfirm.lines(summary(answers, context: context))
  }
}

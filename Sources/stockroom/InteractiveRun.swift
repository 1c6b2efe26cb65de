import Foundation
import StockroomDomain
import Wizards

/// `--interactive` for any twin: the screens in the terminal, filled with what the options gave.
enum InteractiveRun {
  /// Opens `screens` above home, or refuses without a terminal (exit 2).
  static func open(global: GlobalOptions, _ screens: (AppContext) -> [any Screen])
    -> Never
  {
    guard global.wantsLineMode() || (isatty(0) != 0 && isatty(1) != 0) else {
      UsageCheck.fail("--interactive needs a terminal")
    }
    TerminalLaunch.run(global: global, screens: screens)
    exit(0)
  }
}

extension CommandRun where Summary == DeallocationSummary {
  /// `--interactive`: the wizard in the terminal, filled with `answers`, at
  /// the first step that still needs an answer.
  static func openWizard(_ answers: DeallocationRecord, global: GlobalOptions) -> Never {
    InteractiveRun.open(global: global) { answers.screens(context: $0) }
  }
}

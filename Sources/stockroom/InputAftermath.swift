import StockroomPostgres
import StockroomStore
import TerminalUI
import Wizards

/// What both loops (the screens' keys, the line mode's answers) do after the app took an
/// input: run the commit it asked for, note it for the draft, deliver the order mail it
/// posted, carry out files and exports. Returns the bells the screens asked for.
enum InputAftermath {
  static func follow(
    _ app: inout App, key: Key, drafts: DraftKeeper?, courier: MailCourier?,
    store location: StoreLocation?
  ) -> Int {
    // Run the commit whether or not drafts are kept (an optional chain would skip it).
    let outcome = app.runPendingCommit()
    drafts?.after(key, outcome: outcome, app: app)
    if case .committed? = outcome { courier?.deliver() }
    RuntimeEffects.carryOut(&app, store: location)
    return app.takeBells()
  }
}

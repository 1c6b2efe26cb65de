import ArgumentParser
import Foundation
import StockroomDomain
import StockroomStore
import TerminalUI
import Wizards

/// `stockroom returns`: the returns bench without a screen. Every serial is scanned as the
/// bench scans it (a line each, at once), then the session is committed as one group, one
/// `deallocate-hardware` transaction per account, with a receipt per account.
struct ReturnsHeadlessCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "returns",
    abstract: "Return scanned hardware from every account at once (commit with --yes).",
    discussion: HelpExamples.discussion(
      """
      Reads serials from a file or from standard input (--serials-from -, one serial a line, \
      as a scanner on a plain shell types them; end with Ctrl-D). Each serial gets a line at \
      once. Any refused serial refuses the whole run (exit 1) and nothing is written, unless \
      --set-aside is given: then the refused serials are set aside and the rest commit.
      """,
      examples:
        "stockroom returns --serials-from box7.txt --expected rma.csv --reference \"BOX 7\" --yes",
      "scan-serials | stockroom returns --serials-from - --disposition faulty --interactive"))

  @OptionGroup var global: GlobalOptions
  @Option(help: "A file of serials (one a line, or a CSV column), or - for standard input.")
  var serialsFrom: String?
  @Option(help: "The CSV column: header name or number from 1 (default: the serial column).")
  var column: String?
  @Option(help: "return, initialize, faulty or lost (default: return).") var disposition: String?
  @Option(help: "An RMA list: one serial a line, or a CSV with account and rma columns.")
  var expected: String?
  @Flag(help: "Set refused serials aside and commit the rest.") var setAside = false
  @OptionGroup var options: TransactionOptions
  @OptionGroup var reason: ReturnReasonOption
  @Flag(help: "Open the returns bench with these serials already scanned.")
  var interactive = false

  func run() throws {
    let chosen = UsageCheck.word(
      disposition ?? "return", option: "--disposition", Disposition.allCases)
    let context = UsageCheck.context(
      reference: options.reference, comment: options.comment, returnReason: reason.value)
    let list = expected.map(Self.expectedReturns)
    if interactive {
      openBench(
        ReturnsSession(
          settings: ReturnsSettings(
            disposition: chosen, container: options.container, reference: context.reference,
            comment: context.comment, returnReason: context.returnReason),
          expected: list))
    }
    guard let serialsFrom else { UsageCheck.fail("--serials-from FILE or - is required") }
    let store = StoreCommands.open(global, readOnly: !options.yes)
    if let container = options.container, store.state.containerIndex(container) == nil {
      StoreCommands.fail(.refused(.unknownContainer(container)))
    }
    var session = ReturnsSession(
      settings: ReturnsSettings(
        disposition: chosen, container: options.container, reference: context.reference,
        comment: context.comment, returnReason: context.returnReason),
      expected: list)
    var out = ReturnsOutput(json: options.json, setAside: setAside, live: serialsFrom == "-")
    Self.serials(from: serialsFrom, column: column) { serial in
      out.scan(session.scan(serial, in: store.state))
    }
    out.flush()
    if session.scans.isEmpty { UsageCheck.fail("--serials-from \(serialsFrom): no serials") }
    let refused = session.refusedScans
    if !refused.isEmpty && !setAside {
      let named = refused.prefix(10).map(\.message)
      CommandFailure(
        status: .refused,
        message: "refused: \(refused.count) of \(session.scans.count) serials cannot be "
          + "returned, nothing written: " + named.joined(separator: "; ")
          + (refused.count > 10 ? "; and \(refused.count - 10) more" : "")
          + " (--set-aside commits the rest)"
      ).exit()
    }
    let commands = session.commands(context: context)
    if options.yes && !commands.isEmpty {
      let done: ReturnsCommitted
      do {
        done = try store.commit(returns: session, context: context, key: options.commitKey.value)
      } catch {
        StoreCommands.fail(error)
      }
      BackgroundSnapshot.startIfDue(store)
      out.committed(done, commands: commands, state: store.state)
      StoreCommands.warn(done.problems)
      StoreCommands.warn(store.outbox.deliver(first: done.posted).problems)
    } else {
      for command in commands {
        do throws(DomainError) {
          _ = try StockroomDomain.validate(command.command, against: store.state)
        } catch {
          StoreCommands.fail(.refused(error))
        }
      }
      out.preview(commands, state: store.state, yes: options.yes)
    }
    if let check = session.rmaCheck { out.rma(check) }
    out.flush()
  }

  /// `--interactive`: the bench in the terminal, the listed serials already scanned (against
  /// the store the screens open) and the options as its held settings.
  private func openBench(_ session: ReturnsSession) -> Never {
    if serialsFrom == "-" { UsageCheck.fail("--interactive reads serials from a file, not -") }
    var serials: [String] = []
    if let serialsFrom { Self.serials(from: serialsFrom, column: column) { serials.append($0) } }
    InteractiveRun.open(global: global) { context in
      var scanned = session
      for serial in serials { scanned.scan(serial, in: context.state) }
      return [ReturnsFlow.screen(context: context, session: scanned)]
    }
  }

  /// The RMA list of `--expected`, or a usage error.
  static func expectedReturns(_ path: String) -> ExpectedReturns {
    let text: String
    do {
      text = try String(contentsOfFile: path, encoding: .utf8)
    } catch {
      UsageCheck.fail("--expected \(path): cannot read it as UTF-8 text")
    }
    do throws(SerialManifest.Failure) {
      return try ExpectedReturns.parse(text)
    } catch {
      UsageCheck.fail("--expected \(path): \(error.description)")
    }
  }

  /// Hands each serial to `scan` as it is read: a file whole (as `--serials-from` reads it
  /// everywhere), standard input a line at a time (read whole when it is a CSV).
  static func serials(from path: String, column: String?, _ scan: (String) -> Void) {
    guard path == "-" else {
      for serial in UsageCheck.serials([], from: path, column: column) { scan(serial) }
      return
    }
    var pending: [String] = []
    var csv = column != nil
    while let line = readLine(strippingNewline: true) {
      if pending.isEmpty && !csv && line.contains(",") { csv = true }
      if csv {
        pending.append(line)
        continue
      }
      let serial = line.trimmingCharacters(in: .whitespacesAndNewlines)
      if !serial.isEmpty { scan(serial) }
    }
    guard csv else { return }
    do throws(SerialManifest.Failure) {
      for serial in try SerialManifest.serials(
        in: pending.joined(separator: "\n"), column: column, csv: true)
      {
        scan(serial)
      }
    } catch {
      UsageCheck.fail("--serials-from -: \(error.description)")
    }
  }
}

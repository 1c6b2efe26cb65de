import Foundation
import StockroomDomain
import StockroomStore
import TerminalUI

/// Turns option text into values or ends the command with a usage error (exit 2, one line),
/// so malformed values never reach the store.
enum UsageCheck {
  /// Exits 2 with the message (neutralised).
  static func fail(_ message: String) -> Never {
    CommandFailure(status: .usage, message: TextRules.neutralised(message)).exit()
  }

  /// A whole number of at least 1, digits only.
  static func quantity(_ text: String?, option: String = "--quantity") -> Int {
    guard let text else { fail("\(option) is required") }
    guard let value = quantityValue(text) else {
      fail("\(option) \(text): give a whole number of at least 1")
    }
    return value
  }

  /// The quantity, or nil when `text` is not a whole number of at least 1.
  static func quantityValue(_ text: String) -> Int? {
    guard !text.isEmpty, text.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }),
      let value = Int(text), value >= 1
    else { return nil }
    return value
  }

  /// Reference and comment checked with the domain's text rules (the ones the wizards'
  /// fields take), failing with the first problem.
  static func context(
    reference: String?, comment: String?, returnReason: ReturnReason? = nil
  ) -> TransactionContext {
    var context = ProcessIdentity.context(reference: reference ?? "", comment: comment ?? "")
    context.returnReason = returnReason
    if let problem = CommitCheck.problems(in: context).first { fail(problem.message) }
    return context
  }

  /// A value from a fixed list of lower-case words.
  static func word<T: RawRepresentable>(_ text: String, option: String, _ choices: [T]) -> T
  where T.RawValue == String {
    if let value = choices.first(where: { $0.rawValue == text.lowercased() }) { return value }
    let names = choices.map(\.rawValue).joined(separator: ", ")
    fail("\(option) \(text): give one of \(names)")
  }

  /// Serials from `--serial` values or a `--serials-from` file, not both, at least one.
  static func serials(_ given: [String], from path: String?, column: String?) -> [String] {
    if column != nil && path == nil { fail("--column needs --serials-from") }
    guard let path else {
      if given.isEmpty { fail("give --serial or --serials-from") }
      return given
    }
    if !given.isEmpty { fail("give --serial or --serials-from, not both") }
    let text: String
    do {
      text = try String(contentsOfFile: path, encoding: .utf8)
    } catch {
      fail("--serials-from \(path): cannot read it as UTF-8 text")
    }
    do throws(SerialManifest.Failure) {
      return try SerialManifest.serials(
        in: text, column: column, csv: path.lowercased().hasSuffix(".csv"))
    } catch {
      fail("--serials-from \(path): \(error.description)")
    }
  }
}

import TerminalUI

/// What a wizard's control says about itself: its label, what kind of input it
/// takes, the choices it offers, its value now, whether an answer is required,
/// and the rule that answer must meet, in words. The screens build the legend
/// and help from it, and a renderer without a screen (plain lines) can ask the
/// same questions, so no wizard is written twice.
public struct ControlDescription: Hashable, Sendable {
  /// What kind of input a control takes.
  public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
    case text, number, choice, radio, check
    case serialPickList = "serial pick list"
    case table, button
  }

  public var label: String
  public var kind: Kind
  /// The choices of a choice, radio or check control, in order; empty otherwise.
  public var choices: [String]
  /// The value now, as the user would read it ("" when empty).
  public var value: String
  public var isRequired: Bool
  /// The rule a value must meet, in words ("1 to 4", "up to 64 letters, digits…"); nil if none.
  public var rule: String?
  /// True for a scan field: Enter hands in each serial typed or scanned and the field is
  /// asked again, empty, for the next (it is no value kept for later).
  public var scans = false

  public init(
    _ label: String, kind: Kind, choices: [String] = [], value: String = "",
    isRequired: Bool = false, rule: String? = nil
  ) {
    self.label = label
    self.kind = kind
    self.choices = choices
    self.value = value
    self.isRequired = isRequired
    self.rule = rule
  }

  /// The same control, as a scan field.
  public func scanning() -> ControlDescription {
    var described = self
    described.scans = true
    return described
  }

  /// True for the kinds that take typed text (then `?` and `q` are characters).
  public var takesText: Bool { kind == .text || kind == .number }

  /// One line for help: "Reference (text, required): up to 64 … Now: AB-1."
  public var helpLine: String {
    var line = label + " (" + kind.rawValue + (isRequired ? ", required" : "") + ")"
    if !choices.isEmpty { line += ": one of " + choices.joined(separator: ", ") }
    if let rule { line += (choices.isEmpty ? ": " : "; ") + rule }
    if !value.isEmpty { line += ". Now: " + TextSafety.neutralised(value) }
    return line + "."
  }
}

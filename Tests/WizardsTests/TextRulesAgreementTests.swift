import Foundation
import StockroomDomain
import TerminalUI
import TestSupport
import Testing
import Wizards

/// A Reference or Comment field, as the wizards make them, takes exactly the text the
/// domain (the store at Confirm) accepts: every edit it allows leaves text the domain
/// accepts, and every edit it refuses would have made text the domain refuses. Typed and
/// pasted, one scalar at a time and as combining sequences, at the start, after text and
/// at the length limit.
@Suite struct TextRulesAgreementTests {
  /// A field and the domain rule it must agree with.
  struct Rule: Sendable {
    let name: String
    let field: TextField
    let domain: @Sendable (String) -> String?
  }

  static let fields = ReferenceFields(state: InventoryState(), withContainer: false)
  static let rules = [
    Rule(name: "Reference", field: fields.reference) { TextRules.referenceProblem($0) },
    Rule(name: "Comment", field: fields.comment) { TextRules.commentProblem($0) },
  ]

  /// Gives `key` to `field` and checks the outcome against the domain; returns the
  /// disagreement in words, nil when they agree.
  static func disagreement(_ rule: Rule, _ field: inout TextField, _ key: Key) -> String? {
    let before = field.characters
    let cursor = field.cursor
    let inserted: String
    switch key {
    case .character(let character): inserted = String(character)
    case .paste(let text): inserted = String(TextField.firstLine(of: text))
    default: inserted = ""
    }
    let made = String(before[..<cursor]) + inserted + String(before[cursor...])
    _ = field.update(key)
    if let problem = rule.domain(field.text) {
      return "\(rule.name) field holds \(debug(field.text)), which the domain refuses: \(problem)"
    }
    guard !inserted.isEmpty else { return nil }
    if field.error == nil {
      return field.text == made
        ? nil : "\(rule.name) field made \(debug(field.text)), not \(debug(made))"
    }
    if field.characters != before {
      return "\(rule.name) field refused \(debug(inserted)) but changed its text"
    }
    if rule.domain(made) == nil {
      return "\(rule.name) field refused \(debug(made)) (\(field.error ?? "")), the domain takes it"
    }
    return nil
  }

  static func debug(_ text: String) -> String {
    let scalars = text.unicodeScalars
    let shown = scalars.prefix(8).map { String($0.value, radix: 16, uppercase: true) }
    return "[" + shown.joined(separator: " ") + (scalars.count > 8 ? " … \(text.count) chars" : "")
      + "]"
  }

  /// `field` holding `text`, typed a character at a time (text the domain takes).
  static func typed(_ text: String, into field: TextField) -> TextField {
    var field = field
    for character in text { _ = field.update(.character(character)) }
    return field
  }

  @Test func everyScalarUpToFFFFTypedOrPastedAgrees() {
    var disagreements: [String] = []
    for rule in Self.rules {
      let afterText = Self.typed("A", into: rule.field)
      for value in UInt32(0)...0xFFFF {
        guard let scalar = Unicode.Scalar(value) else { continue }
        let character = Character(scalar)
        let edits: [(TextField, Key)] = [
          (rule.field, .character(character)),
          (afterText, .character(character)),
          (rule.field, .paste("B" + String(character) + "C")),
          (afterText, .paste(String(character))),
        ]
        for (start, key) in edits {
          var field = start
          if let problem = Self.disagreement(rule, &field, key) { disagreements.append(problem) }
        }
      }
    }
    #expect(disagreements.isEmpty, "\(disagreements.count): \(disagreements.prefix(20))")
  }

  /// Sequences whose characters combine: each typed one scalar at a time, typed as one
  /// character, and pasted; empty, after text and at the length limit.
  static let sequences = [
    "e\u{301}", "a\u{308}\u{301}", "\u{301}", "Å", "A\u{30A}", "\u{1100}\u{1161}\u{11A8}",
    "क्ष", "\u{E01}\u{E49}", "\u{1F469}\u{200D}\u{1F4BB}",
    "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}\u{200D}\u{1F466}", "\u{1F1EB}\u{1F1F7}",
    "\u{1F1E6}", "\u{1F1E6}\u{1F1E7}\u{1F1E8}", "1\u{FE0F}\u{20E3}", "e\u{200D}",
    "\u{200D}", "\u{2764}\u{FE0F}", "\u{1F44D}\u{1F3FD}", "x\u{200B}y", "\u{FE0F}",
    "\u{0661}\u{0662}", "\u{FF21}\u{FF11}", "\u{2463}", "e\u{301}\u{202E}",
  ]

  @Test func combiningSequencesAgreeTypedPastedAndAtTheLimit() {
    var disagreements: [String] = []
    for rule in Self.rules {
      let full = Self.typed(String(repeating: "a", count: rule.field.maxLength), into: rule.field)
      let nearlyFull = Self.typed(
        String(repeating: "a", count: rule.field.maxLength - 1), into: rule.field)
      for sequence in Self.sequences {
        for start in [rule.field, Self.typed("e", into: rule.field), nearlyFull, full] {
          var field = start
          for scalar in sequence.unicodeScalars {
            if let problem = Self.disagreement(rule, &field, .character(Character(scalar))) {
              disagreements.append(problem)
            }
          }
          if let character = sequence.count == 1 ? sequence.first : nil {
            field = start
            if let problem = Self.disagreement(rule, &field, .character(character)) {
              disagreements.append(problem)
            }
          }
          field = start
          if let problem = Self.disagreement(rule, &field, .paste(sequence)) {
            disagreements.append(problem)
          }
        }
      }
    }
    #expect(disagreements.isEmpty, "\(disagreements.count): \(disagreements.prefix(20))")
  }

  /// A combining mark after a field's last letter joins it: a full Comment takes it, as
  /// the domain does (the field once counted it as one more character).
  @Test func aFullCommentTakesACombiningMarkAsTheDomainDoes() throws {
    var comment = Self.typed(String(repeating: "e", count: 128), into: Self.fields.comment)
    #expect(comment.update(.character("\u{301}")) == .handled)
    #expect(comment.error == nil)
    #expect(comment.text.count == 128)
    #expect(comment.counterText == "128/128")
    try TextRules.checkComment(comment.text)
    _ = comment.update(.character("x"))
    #expect(comment.error == "At most 128 characters")
  }

  /// The Reference field refuses `④` on the key, in the words the store uses at Confirm.
  @Test func theReferenceFieldRefusesWhatTheStoreRefusesInItsWords() {
    var reference = Self.typed("AB", into: Self.fields.reference)
    _ = reference.update(.character("④"))
    #expect(reference.text == "AB")
    #expect(reference.error == "only letters, digits, spaces and - _ / . # : are allowed")
    #expect(
      DomainError.invalidText(field: .reference, reason: reference.error ?? "").message
        == "Reference: only letters, digits, spaces and - _ / . # : are allowed")
    #expect(throws: DomainError.self) { try TextRules.checkReference("AB④CD") }
  }

  /// Random edits (typing, pasting, deleting, moving) of tricky characters: the field and
  /// the domain agree after every one.
  @Test func randomEditsAgree() {
    let seed = FuzzSeed("randomEditsAgree")
    var random = seed.generator
    let pool = Array(
      "aZé4 -_/.#:!;④٣Ａ\u{301}\u{308}\u{200D}\u{FE0F}\u{1F1E6}\u{1F1E7}\u{1F469}\u{1F4BB}"
        + "\u{1B}\u{202E}\u{85}\u{2028}\u{E49}\t\n"
    ).flatMap { Array($0.unicodeScalars) }
    var disagreements: [String] = []
    for rule in Self.rules {
      for _ in 0..<200 {
        var field = rule.field
        for _ in 0..<80 {
          let scalar = pool[Int(random.next() % UInt64(pool.count))]
          let key: Key
          switch random.next() % 10 {
          case 0: key = .backspace
          case 1: key = .left
          case 2: key = .right
          case 3: key = .delete
          case 4:
            let length = Int(random.next() % 6)
            let text = (0..<length).map { _ in pool[Int(random.next() % UInt64(pool.count))] }
            key = .paste(String(String.UnicodeScalarView(text)))
          case 5: key = .character("a")
          default: key = .character(Character(scalar))
          }
          if let problem = Self.disagreement(rule, &field, key) {
            disagreements.append(problem)
          }
        }
      }
    }
    #expect(
      disagreements.isEmpty, "\(seed.note) \(disagreements.count): \(disagreements.prefix(10))")
  }

  @Test func domainAndTerminalRefuseTheSameCharacters() {
    var disagreements: [UInt32] = []
    for value in UInt32(0)...0x3_0000 {
      guard let scalar = Unicode.Scalar(value) else { continue }
      if TextRules.isUnsafe(scalar) != TextSafety.isUnsafe(scalar) { disagreements.append(value) }
    }
    #expect(disagreements.isEmpty, "\(disagreements.map { String($0, radix: 16) })")
  }
}

import StockroomDomain
import TerminalUI

/// The domain's text rules handed to the fields that take that text, so a Reference or
/// Comment field refuses on the key exactly what the store refuses at Confirm, in the
/// store's words.
extension FieldRule {
  /// A Reference: `TextRules.referenceProblem`.
  public static let reference = FieldRule { TextRules.referenceProblem($0) }
  /// A Comment: `TextRules.commentProblem`.
  public static let comment = FieldRule { TextRules.commentProblem($0) }
}

extension TextField {
  /// A Reference field `width` cells wide, with the domain's limit and rule.
  public static func reference(width: Int) -> TextField {
    TextField(width: width, maxLength: TextRules.referenceLimit, rule: .reference)
  }

  /// A Comment field `width` cells wide, with the domain's limit and rule.
  public static func comment(width: Int) -> TextField {
    TextField(width: width, maxLength: TextRules.commentLimit, rule: .comment)
  }
}

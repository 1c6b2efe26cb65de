import Testing

@testable import StockroomDomain

/// A commit's problems are all returned, each naming the answer it is about, so a screen
/// can take the user to the control to fix and the store refuses with the first.
@Suite struct CommitCheckTests {
  @Test func everyProblemIsReturnedWithItsField() throws {
    let state = try Fixture.state()
    let context = TransactionContext(
      user: "u", uid: 1, reference: "AB④CD", comment: "bad\u{1B}[2J",
      billing: Billing(amount: "1", per: .unit, customerReference: "PO;7"))
    let problems = CommitCheck.problems(
      .deallocateMobilePass(account: "ACC-0001", quantity: 9, container: nil), context: context,
      against: state)
    #expect(problems.map(\.field) == [.reference, .comment, .customerReference, .quantity])
    #expect(
      problems.map(\.message) == [
        "Reference: only letters, digits, spaces and - _ / . # : are allowed",
        "Comment: control characters are not allowed",
        "Customer reference: only letters, digits, spaces and - _ / . # : are allowed",
        "MobilePASS: 9 is more than the 5 available",
      ])
    #expect(throws: DomainError.invalidText(field: .reference, reason: problems[0].reasonText)) {
      try CommitCheck.check(context)
    }
    let fine = TransactionContext(user: "u", uid: 1, reference: "RMA-1 #2", comment: "ok")
    #expect(
      CommitCheck.problems(
        .deallocateMobilePass(account: "ACC-0001", quantity: 1, container: nil), context: fine,
        against: state
      ).isEmpty)
  }

  @Test func refusalsNameTheAnswerTheyAreAbout() {
    let cases: [(DomainError, DomainField?)] = [
      (.unknownContainer("X"), .container), (.serialList(["already allocated: A1"]), .serials),
      (.alreadyKnownSerials(["A1"]), .serials), (.notPositive(0), .quantity),
      (.moreThanAvailable(column: "SMS", requested: 2, available: 1), .quantity),
      (.duplicateReference("R"), .reference),
      (.invalidText(field: .comment, reason: "x"), .comment),
      (.unknownAccount("ACC-9"), .account), (.duplicateDefinition("x"), nil),
      (.orderRule("x"), nil),
    ]
    for (error, field) in cases { #expect(error.field == field, "\(error)") }
  }

  /// Lengths count characters as Swift does: a letter with a combining accent is one.
  @Test func lengthsCountCharacters() {
    #expect(TextRules.commentProblem(String(repeating: "e\u{301}", count: 128)) == nil)
    #expect(TextRules.commentProblem(String(repeating: "e", count: 129)) != nil)
    #expect(TextRules.referenceProblem(String(repeating: "é", count: 64)) == nil)
    #expect(TextRules.referenceProblem("e\u{301}") != nil)
  }
}

extension DomainError {
  fileprivate var reasonText: String {
    if case .invalidText(_, let reason) = self { return reason }
    return ""
  }
}

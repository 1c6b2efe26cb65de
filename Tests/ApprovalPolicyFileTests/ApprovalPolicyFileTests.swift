import ApprovalPolicyFile
import Foundation
import StockroomDomain
import Testing

/// The policy file (issue 20): the README's example read, and a bad file refused naming its
/// line, whether TOML cannot parse it or it names what the book does not know.
@Suite struct ApprovalPolicyFileTests {
  static var book: OrderBook {
    var book = OrderBook()
    book.employees = [
      Employee(id: "EMP-0001", name: "Ann", email: "a@x.example", approver: nil, department: "IT"),
      Employee(id: "EMP-0002", name: "Bo", email: "b@x.example", approver: "EMP-0001"),
    ]
    return book
  }

  static let example = """
    # Devices: the manager, then IT from 500.00
    [[chain]]
    types = ["upgrade", "new-line"]      # omitted: every order type
    [[chain.level]]
    approver = "manager"
    [[chain.level]]
    approver = "department:IT"
    minimum = "500.00"

    [[chain]]
    [[chain.level]]
    approver = "emp-0001"
    """

  @Test func theExampleIsRead() throws {
    let policy = try ApprovalPolicyFile.read(Self.example, book: Self.book).get()
    #expect(
      policy
        == ApprovalPolicy(chains: [
          ApprovalChain(
            types: [.upgrade, .newLine],
            levels: [
              ApprovalLevel(approver: .manager),
              ApprovalLevel(approver: .department("IT"), minimum: "500.00"),
            ]),
          ApprovalChain(types: [], levels: [ApprovalLevel(approver: .employee("EMP-0001"))]),
        ]))
  }

  @Test func anEmptyFileIsNoChain() throws {
    #expect(try ApprovalPolicyFile.read("", book: Self.book).get() == ApprovalPolicy(chains: []))
  }

  /// Each bad line of the example, and the line the refusal names.
  @Test(arguments: [
    ("types = [\"upgrade\", \"new-line\"]", "types = [\"upgrade\", \"new-phone\"]", 3, "new-phone"),
    ("approver = \"department:IT\"", "approver = \"department:Moon\"", 7, "Moon"),
    ("approver = \"emp-0001\"", "approver = \"EMP-0099\"", 12, "EMP-0099"),
    ("minimum = \"500.00\"", "minimum = \"500,00\"", 8, "500,00"),
    ("minimum = \"500.00\"", "minimum = 500.00", 8, "quotes"),
    ("minimum = \"500.00\"", "minimum = \"500.00", 8, ""),
    ("minimum = \"500.00\"", "maximum = \"500.00\"", 8, "maximum"),
    ("approver = \"emp-0001\"", "", 11, "approver"),
  ])
  func aBadFileIsRefusedNamingItsLine(good: String, bad: String, line: Int, says: String) {
    let text = Self.example.replacingOccurrences(of: good, with: bad)
    switch ApprovalPolicyFile.read(text, book: Self.book) {
    case .success: Issue.record("accepted: \(bad)")
    case .failure(let error):
      #expect(error.line == line, "\(error.message)")
      #expect(error.message.hasPrefix("line \(line): "))
      #expect(says.isEmpty || error.message.contains(says), "\(error.message)")
    }
  }
}

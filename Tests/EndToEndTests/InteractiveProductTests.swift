import Foundation
import TestSupport
import Testing

/// `deallocate software --interactive` reads `--product` and `--type` as the headless
/// command does: a word it refuses (`sms-rental`) is refused, not opened as the wizard's
/// first row (Capacity); `--product sms --type rental` deallocates SMS Rental. `allocate
/// --interactive` refuses the words `allocate` refuses.
@Suite(.serialized) struct InteractiveProductTests {
  @Test(.postgres) func theDatabaseCasesRun() throws { try StoreKind.reachTheServer() }

  @Test(arguments: StoreKind.available)
  func aProductWordTheCommandRefusesIsRefusedInteractive(kind: StoreKind) throws {
    let demo = try DemoDirectory(kind)
    defer { demo.remove() }
    let before = demo.written
    let refused = [["--product", "sms-rental"], ["--product", "sms", "--type", "rentals"]]
    for words in refused {
      let result = demo.run(
        ["deallocate", "software", "--account", "ACC-0002"] + words + ["--interactive"])
      let said = "\(words[words.count - 2]) \(words[words.count - 1]): give one of"
      #expect(result.status == 2, "\(result.output)")
      #expect(result.output.contains(said), "\(result.output)")
    }
    #expect(demo.written == before)
  }

  /// `allocate --interactive` reads `--product`, `--type` and `--per` as `allocate` does: an
  /// unknown word exits 2 naming it and the choices, before any terminal is asked for.
  @Test(arguments: StoreKind.available)
  func anAllocateWordTheCommandRefusesIsRefusedInteractive(kind: StoreKind) throws {
    let demo = try DemoDirectory(kind)
    defer { demo.remove() }
    let before = demo.written
    let refused: [([String], String)] = [
      (["--product", "sms-rental"], "--product sms-rental: give one of capacity, sms, st-1"),
      (["--product", "sms", "--type", "rentals"], "--type rentals: give one of rental, sale"),
      (["--product", "sms", "--quantity", "1", "--amount", "2", "--per", "token"], "--per token"),
    ]
    for (words, said) in refused {
      let result = demo.run(["allocate", "--account", "ACC-0002"] + words + ["--interactive"])
      #expect(result.status == 2, "\(words): \(result.output)")
      #expect(result.output.contains(said), "\(result.output)")
    }
    #expect(demo.written == before)
  }

  @Test(arguments: StoreKind.available)
  func smsRentalInteractiveDeallocatesSmsRental(kind: StoreKind) throws {
    let demo = try DemoDirectory(kind)
    defer { demo.remove() }
    let before = try #require(demo.column("ACC-0002", "SMS Rental"))
    let pty = try LinePty(
      [
        Binary.path, "--data-dir", demo.path, "deallocate", "software", "--account", "ACC-0002",
        "--product", "SMS", "--type", "rental", "--quantity", "2", "--interactive",
      ], environment: demo.terminalEnvironment)
    try pty.answer("confirm", when: "Type confirm to commit it")
    try pty.answer(":quit", when: "Committed as T")
    #expect(pty.exitStatus() == 0)
    #expect(pty.text.contains("SMS Rental"), "\(pty.text)")
    #expect(demo.column("ACC-0002", "SMS Rental")?.available == before.available - 2)
    #expect(demo.run(["verify"]).status == 0)
  }
}

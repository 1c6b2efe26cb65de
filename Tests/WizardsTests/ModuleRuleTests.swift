import Foundation
import Testing

/// The rule of the screen module: it reads the ledger only through the domain's
/// `InventoryLedger` and opens no file; the executable wires a store and carries out file
/// effects. Checked on the sources, so a new import or file call fails here first.
@Suite struct ModuleRuleTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  @Test func wizardsDoesNotDependOnTheStoreModule() throws {
    let package = try String(
      contentsOf: Self.root.appendingPathComponent("Package.swift"), encoding: .utf8)
    let target = try #require(
      package.split(separator: "\n").first { $0.contains(".target(name: \"Wizards\"") })
    #expect(!target.contains("StockroomStore"), "\(target)")
  }

  @Test func wizardsOpensNoFile() throws {
    let folder = Self.root.appendingPathComponent("Sources/Wizards")
    let files = try #require(FileManager.default.enumerator(atPath: folder.path))
      .compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }
    #expect(files.count > 50)
    let forbidden = [
      "import StockroomStore", "import Glibc", "FileManager", "FileHandle", "contentsOfFile",
      "contentsOf:", "fopen(", "Data(contentsOf", ".write(to", "forEachTransaction",
    ]
    for file in files {
      let text = try String(
        contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
      for word in forbidden where text.contains(word) {
        Issue.record("Sources/Wizards/\(file) uses \(word)")
      }
    }
  }
}

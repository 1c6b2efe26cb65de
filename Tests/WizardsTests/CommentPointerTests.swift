import Foundation
import Testing

/// The code explains itself from inside the repository: a comment that names a document
/// or a source file names one that is there (a path from the root, or a file name found in
/// the tree), or a file of the data directory that the README documents.
@Suite struct CommentPointerTests {
  static let root = ModuleRuleTests.root

  /// Every file in the repository by path from the root, and by its name alone.
  static func files() -> (paths: Set<String>, names: Set<String>) {
    var paths: Set<String> = []
    var names: Set<String> = []
    let walker = FileManager.default.enumerator(atPath: root.path)
    while let path = walker?.nextObject() as? String {
      if path.hasPrefix(".build") || path.hasPrefix(".git/") { continue }
      paths.insert(path)
      names.insert((path as NSString).lastPathComponent)
    }
    return (paths, names)
  }

  /// Names in comments that look like files: a name, a dot and one of these endings.
  static func pointers(in line: Substring) -> [String] {
    let extensions = ["md", "swift", "txt", "sh", "py", "json", "tsv", "toml"]
    var found: [String] = []
    for word in line.split(whereSeparator: { " ()`'\",;".contains($0) }) {
      var token = String(word)
      while let last = token.last, ".:".contains(last) { token.removeLast() }
      guard let dot = token.lastIndex(of: "."), !token.hasPrefix("."),
        extensions.contains(String(token[token.index(after: dot)...])),
        token.allSatisfy({ $0.isLetter || $0.isNumber || "/._-+".contains($0) })
      else { continue }
      found.append(token)
    }
    return found
  }

  @Test func everyFileACommentNamesIsInTheRepository() throws {
    let (paths, names) = Self.files()
    let readme = try String(
      contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
    var checked = 0
    for path in paths.sorted()
    where (path.hasPrefix("Sources/") || path.hasPrefix("Tests/")) && path.hasSuffix(".swift") {
      let text = try String(
        contentsOf: Self.root.appendingPathComponent(path), encoding: .utf8)
      for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false)
        .enumerated()
      {
        guard let comment = line.range(of: "//") else { continue }
        for pointer in Self.pointers(in: line[comment.upperBound...]) {
          checked += 1
          let known =
            paths.contains(pointer) || names.contains(pointer)
            || paths.contains { $0.hasSuffix("/" + pointer) } || readme.contains("`\(pointer)`")
          #expect(known, "\(path):\(number + 1) names \(pointer), which is not in the repository")
        }
      }
    }
    #expect(checked > 10, "the comments name files (\(checked) checked)")
  }

  @Test func theCheckFindsAMissingFile() {
    #expect(
      Self.pointers(in: " see notes/architecture.md and DESIGN.md.") == [
        "notes/architecture.md", "DESIGN.md",
      ])
  }
}

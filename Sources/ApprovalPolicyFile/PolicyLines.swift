import StockroomDomain

/// Finds the line of a key in a policy file by walking its `[[chain]]` and `[[chain.level]]`
/// headers, so a problem found after parsing still names its line.
struct PolicyLines {
  let lines: [Substring]

  init(_ text: String) {
    lines = text.split(separator: "\n", omittingEmptySubsequences: false)
  }

  /// The problem with the line of its key; the line of its table when the key is not written
  /// (a missing approver), the first line when neither is found.
  func error(_ problem: ApprovalPolicyProblem) -> ApprovalPolicyFileError {
    ApprovalPolicyFileError(line: line(of: problem), reason: problem.message)
  }

  func line(of problem: ApprovalPolicyProblem) -> Int {
    var chain = -1
    var level = -1
    var header: Int?
    for (index, raw) in lines.enumerated() {
      let text = raw.trimmingPrefix(while: { $0 == " " || $0 == "\t" })
      if text.hasPrefix("[[chain.level]]") {
        level += 1
      } else if text.hasPrefix("[[chain]]") {
        chain += 1
        level = -1
      } else if text.hasPrefix("[") {
        continue
      }
      let here = chain == problem.chain && level == (problem.level ?? -1)
      if here && text.hasPrefix("[[") { header = index + 1 }
      if here && Self.key(of: text) == problem.key { return index + 1 }
      if chain < 0 && Self.key(of: text) == problem.key { return index + 1 }
    }
    return header ?? 1
  }

  /// The key a `key = value` line sets (quotes taken off), or nil.
  static func key(of text: Substring) -> String? {
    guard let equals = text.firstIndex(of: "=") else { return nil }
    let key = text[..<equals].trimmingCharacters(in: " \t\"'")
    return key.isEmpty || key.hasPrefix("#") ? nil : key
  }
}

extension Substring {
  fileprivate func trimmingCharacters(in set: String) -> String {
    String(drop { set.contains($0) }.reversed().drop { set.contains($0) }.reversed())
  }
}

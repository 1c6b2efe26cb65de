import Foundation

/// The built `stockroom` executable and a way to run a program to its end: what a test that
/// needs a second process (processes racing, a process killed or crashing mid-commit) uses,
/// whichever store it runs on.
public enum Program {
  /// The built `stockroom` executable, if `swift build` made it.
  public static var stockroom: URL? {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    for mode in ["debug", "release"] {
      let candidate = url.appendingPathComponent(".build/\(mode)/stockroom")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    }
    return nil
  }

  /// Runs a program; returns exit status, stdout and stderr.
  @discardableResult
  public static func run(
    _ program: String, _ arguments: [String], environment: [String: String] = [:]
  ) throws -> (status: Int32, out: String, err: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: program)
    process.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    for (key, value) in environment { env[key] = value }
    process.environment = env
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (
      process.terminationStatus, String(decoding: outData, as: UTF8.self),
      String(decoding: errData, as: UTF8.self)
    )
  }
}

import Foundation

@testable import Wizards

extension App {
  /// Does what the executable does with a file a screen asked for: reads it from disk
  /// (a missing file, or one over `limit` bytes, is handed back as such).
  mutating func readRequestedFile(limit: Int = FileRead.sizeLimit) {
    guard let request = takeFileRequest() else { return }
    let path = NSString(string: request.path).expandingTildeInPath
    let contents: Result<Data, FileRead.Failure>
    if let data = FileManager.default.contents(atPath: path) {
      contents = data.count > limit ? .failure(.tooLarge(limit: limit)) : .success(data)
    } else {
      contents = .failure(.unreadable)
    }
    fileRead(FileRead(request: request, path: path, contents: contents))
  }
}

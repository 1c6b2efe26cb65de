import Foundation
import Glibc
import StockroomDomain
import StockroomPostgres
import StockroomStore
import Wizards

/// The effects screens ask for that touch the world outside the ledger, carried out here
/// because the screens never open a file: reading a file a prompt names, and creating the
/// demo data set on first run (docs/DESIGN.md, "Runtime").
enum RuntimeEffects {
  /// Carries out what the last key asked for, handing each result back to the app. The demo
  /// data goes to the store this run uses (`location`; nil: the data directory).
  static func carryOut(_ app: inout App, store location: StoreLocation? = nil) {
    if let request = app.takeFileRequest() {
      app.fileRead(read(request))
    }
    if let export = app.takeExport() {
      app.exported(ExportFile.write(export, into: app.context.dataDirectory))
    }
    if case .postgres(let url)? = location, app.takeDemoRequest() {
      let options = PostgresStore.Options(dataDirectory: app.context.dataDirectory)
      let now = app.context.now
      app.demoDataCreated(
        Result { () throws(StoreError) in
          try PostgresStore.createDemo(url, options: options, now: now)
        }.map { $0 as any InventoryLedger })
    }
    if app.takeDemoRequest() {
      var options = FileStore.Options()
      options.environment = ProcessInfo.processInfo.environment
      app.demoDataCreated(
        Result { () throws(StoreError) in
          try FileStore.createDemo(
            at: app.context.dataDirectory, now: app.context.now, options: options)
        }.map { $0 as any InventoryLedger })
    }
  }

  /// Reads a file a screen named (`~` expanded), at most `FileRead.sizeLimit` bytes.
  static func read(_ request: FileRequest, limit: Int = FileRead.sizeLimit) -> FileRead {
    let path = NSString(string: request.path).expandingTildeInPath
    return FileRead(request: request, path: path, contents: contents(of: path, limit: limit))
  }

  private static func contents(of path: String, limit: Int) -> Result<Data, FileRead.Failure> {
    // Non-blocking, so a pipe or terminal with nothing to say is refused, never waited on.
    let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    guard descriptor >= 0 else { return .failure(.unreadable) }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) != S_IFDIR else {
      return .failure(.unreadable)
    }
    if info.st_size > limit { return .failure(.tooLarge(limit: limit)) }
    var data = Data()
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        return .failure(.unreadable)
      }
      if count == 0 { return .success(data) }
      if data.count + count > limit { return .failure(.tooLarge(limit: limit)) }
      data.append(contentsOf: chunk[0..<count])
    }
  }
}

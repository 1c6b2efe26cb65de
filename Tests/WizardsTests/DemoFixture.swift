import Foundation
import StockroomStore

@testable import Wizards

/// A fresh copy of the demo data in a temporary folder, with the clock fixed,
/// so screens render the same on every run.
enum DemoFixture {
  static let environment = ["STOCKROOM_NOW": "2026-11-22T09:00:00Z"]

  static func store() throws -> FileStore {
    let url = URL(fileURLWithPath: NSTemporaryDirectory())
      .appendingPathComponent("stockroom-wizards-\(UUID().uuidString.prefix(8))")
    var options = FileStore.Options()
    options.environment = environment
    return try FileStore.createDemo(
      at: url, seed: 1, now: AppContext.referenceNow, options: options)
  }

  static func context() throws -> AppContext {
    AppContext.reference(store: try store())
  }

  /// A second session on the same data directory.
  static func secondSession(of store: FileStore) throws -> FileStore {
    var options = FileStore.Options()
    options.environment = environment
    return try FileStore.open(at: URL(fileURLWithPath: store.directory.path), options: options)
  }
}

import TerminalUI
import Testing

@testable import Wizards

/// On a database store the screens name the store (its URL without the password), not the
/// data directory, which then holds only this machine's files.
@Suite struct DatabaseStoreHomeTests {
  static let store = "postgresql://clerk@db.example/stockroom"

  func context() -> AppContext {
    var context = AppContext.reference()
    context.databaseStore = Self.store
    return context
  }

  @Test func homeNamesTheStore() {
    let buffer = ScreenSnapshot.render(App(home: Home.screen(), size: .minimum, context: context()))
    #expect(buffer.text.contains("Store    " + Self.store), "\(buffer.text)")
    #expect(!buffer.text.contains("/home/jdoe"))
    #expect(!buffer.text.contains("Data     "))
  }

  @Test func firstRunNamesTheStore() {
    let buffer = ScreenSnapshot.render(
      App(home: FirstRunScreen(), size: .minimum, context: context()))
    #expect(buffer.text.contains("There is no data in this store yet:"), "\(buffer.text)")
    #expect(buffer.text.contains(Self.store))
    #expect(!buffer.text.contains("/home/jdoe"))
  }
}

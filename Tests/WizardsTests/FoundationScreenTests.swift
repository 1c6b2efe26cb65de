import TerminalUI
import Testing

@testable import Wizards

/// The foundation's screens against `screens/`: home, help, too small, gallery.
@Suite struct ScreenSnapshotTests {
  func app(size: Size = .minimum) -> App {
    App(home: Home.screen(), size: size, context: .reference())
  }

  @Test func home() {
    ScreenSnapshot.check(ScreenSnapshot.render(app()), "home/01-home")
  }

  @Test func homeHelp() {
    ScreenSnapshot.check(ScreenSnapshot.render(app(), keys: [.function(1)]), "home/02-help")
  }

  @Test func tooSmall() {
    ScreenSnapshot.check(
      ScreenSnapshot.render(app(size: Size(width: 60, height: 20))), "home/03-too-small")
  }

  @Test func widgetGallery() {
    ScreenSnapshot.check(
      ScreenSnapshot.render(app(), keys: [.character("5")]), "gallery/01-widgets")
  }
}

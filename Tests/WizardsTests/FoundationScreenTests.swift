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

  /// The home menu: what support staff and technicians came for, each number before its
  /// name; the widget gallery is not among them.
  @Test func homeHoldsWhatPeopleCameFor() {
    let titles = Home.screen().entries.map(\.title)
    #expect(
      titles == [
        "On-Boarding › Allocation", "Returns bench", "Wireless orders", "Subscriptions",
        "Inventory", "Reports", "Quit",
      ])
    let text = ScreenSnapshot.render(app()).text
    #expect(text.contains("1  On-Boarding › Allocation"))
    #expect(!text.contains("gallery"))
    ScreenSnapshot.check(
      ScreenSnapshot.render(app(size: Size(width: 120, height: 40))), "home/home-120x40")
  }

  /// The gallery stays for developers (`stockroom _gallery` opens it above home).
  @Test func widgetGallery() {
    var app = app()
    app.carryOut(.push(WidgetGallery()))
    ScreenSnapshot.check(ScreenSnapshot.render(app), "gallery/01-widgets")
  }
}

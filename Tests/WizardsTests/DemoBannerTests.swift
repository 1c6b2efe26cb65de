import TerminalUI
import Testing

@testable import Wizards

/// A demo session's banner: on the bottom line beside the legend, and the home screen's Data
/// line, never the session directory's path.
@Suite struct DemoBannerTests {
  func demoApp(size: Size = .minimum) -> App {
    var context = AppContext.reference(store: nil)
    context.isDemoSession = true
    return App(home: Home.screen(), size: size, context: context)
  }

  @Test func homeScreenSaysItIsADemo() {
    let buffer = ScreenSnapshot.render(demoApp())
    ScreenSnapshot.check(buffer, "demo/01-home")
    let legend = buffer.line(23)
    #expect(legend.hasPrefix("  ↑↓ move  Enter open  q quit  F1 ? help"))
    #expect(legend.hasSuffix("  DEMO: changes vanish on exit"))
    #expect(buffer.text.contains(DemoBanner.dataText))
    #expect(!buffer.text.contains("/home/jdoe"))
  }

  @Test func aLongLegendKeepsTheShortBanner() {
    var buffer = Buffer(size: Size(width: 40, height: 1))
    let bindings = (1...8).map { KeyBinding("k\($0)", "action") } + [KeyBinding.help]
    DemoBanner.render(bindings, into: &buffer, y: 0)
    let line = buffer.line(0)
    #expect(line.hasSuffix("help            DEMO"), "\(line)")
    #expect(line.contains("F1 ? help"))
    #expect(!line.contains("vanish"))
  }

  @Test func ordinarySessionsHaveNoBanner() {
    let buffer = ScreenSnapshot.render(
      App(home: Home.screen(), size: .minimum, context: .reference()))
    #expect(!buffer.text.contains("DEMO"))
  }
}

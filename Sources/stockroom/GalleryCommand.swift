import ArgumentParser
import Wizards

/// `stockroom _gallery`: every control the wizards are built from, for developers; support
/// staff and technicians do not come for it, so the home menu does not offer it.
struct GalleryCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "_gallery", abstract: "Open the widget gallery (for developers).",
    shouldDisplay: false)

  @OptionGroup var global: GlobalOptions

  func run() throws {
    InteractiveRun.open(global: global) { _ in [WidgetGallery()] }
  }
}

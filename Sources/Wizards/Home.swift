import TerminalUI

/// The home screen with every way in that exists so far.
public enum Home {
  public static func screen() -> HomeScreen {
    HomeScreen(entries: [
      HomeScreen.Entry(
        title: "Widget gallery", summary: "Every control the wizards are built from",
        open: { .push(WidgetGallery()) })
    ])
  }
}

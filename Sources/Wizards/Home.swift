import TerminalUI

/// The home screen with every way in that exists so far.
public enum Home {
  public static func screen() -> HomeScreen {
    HomeScreen(entries: [
      HomeScreen.Entry(
        title: "Accounts", summary: "Allocation tables; deallocate tokens",
        open: { .push(AccountsScreen(context: $0)) }),
      HomeScreen.Entry(
        title: "Returns bench", summary: "Scan returned tokens of every account at once",
        open: { .push(ReturnsFlow.screen(context: $0)) }),
      HomeScreen.Entry(
        title: "Wireless orders", summary: "Order lines and devices; approve; fulfil",
        open: OrderScreens.open),
      HomeScreen.Entry(
        title: "Subscriptions", summary: "Swap, remove, add installed items",
        open: { .push(SubscriptionsScreen(context: $0)) }),
      HomeScreen.Entry(
        title: "Widget gallery", summary: "Every control the wizards are built from",
        open: { _ in .push(WidgetGallery()) }),
      HomeScreen.Entry(
        title: "Inventory", summary: "Provider stock; allocate; receive stock",
        open: { .push(InventoryScreen(context: $0)) }),
      HomeScreen.Entry(
        title: "Reports", summary: "Transactions, movements, faulty; export",
        open: { .push(ReportsScreen(context: $0)) }),
    ])
  }
}

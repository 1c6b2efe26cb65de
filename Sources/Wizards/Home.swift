import TerminalUI

/// The home screen: what support staff and technicians came for, in the order they use it
/// (accounts' allocations, returns coming in, orders, subscriptions, then stock). The widget
/// gallery is for developers: `stockroom _gallery`.
public enum Home {
  public static func screen() -> HomeScreen {
    HomeScreen(entries: [
      HomeScreen.Entry(
        title: AccountsScreen.onBoarding, summary: "Allocation tables; deallocate tokens",
        open: { .push(AccountsScreen(context: $0)) }),
      HomeScreen.Entry(
        title: "Returns bench", summary: "Scan returned tokens of every account",
        open: { .push(ReturnsFlow.screen(context: $0)) }),
      HomeScreen.Entry(
        title: "Wireless orders", summary: "Order lines and devices; approve; fulfil",
        open: OrderScreens.open),
      HomeScreen.Entry(
        title: "Subscriptions", summary: "Swap, remove, add installed items",
        open: { .push(SubscriptionsScreen(context: $0)) }),
      HomeScreen.Entry(
        title: "Inventory", summary: "Provider stock; allocate; receive stock",
        open: { .push(InventoryScreen(context: $0)) }),
      HomeScreen.Entry(
        title: "Reports", summary: "Transactions, movements, faulty; export",
        open: { .push(ReportsScreen(context: $0)) }),
    ])
  }
}

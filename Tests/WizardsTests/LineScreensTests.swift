import StockroomDomain
import TerminalUI
import TestSupport
import Testing

@testable import Wizards

/// The accounts, subscriptions and inventory screens read as lines, on the demo data of
/// either store: a row each, every value named by its column, plain text, and a row's
/// number doing what Enter does.
@Suite struct LineScreensTests {
  @Test(.postgres) func theDatabaseCasesRun() throws { try StoreKind.reachTheServer() }

  @Test(arguments: StoreKind.available)
  func accountsNameEachValueAndSearch(kind: StoreKind) throws {
    let fixture = try LineFixture(kind)
    let context = fixture.context
    var screen = AccountsScreen(context: context)
    var lines = screen.lines(context: context)
    LineCheck.check(lines, rows: context.state.accounts.count)
    let first = context.state.accounts[0]
    #expect(lines.rows[0].hasPrefix("\(first.code): Name \(first.name), Hardware tokens "))
    #expect(lines.rows[0].contains(", In use "))
    #expect(lines.rowAction == "open the account's allocation table")
    let search = try LineCheck.action("filter", in: lines).keys + "north".map { Key.character($0) }
    for key in search {
      _ = screen.update(key, context: context)
    }
    lines = screen.lines(context: context)
    LineCheck.check(lines, rows: 1)
    #expect(lines.summary.contains("Search: north"))
    let next = try LineCheck.pushed(screen.openRow(0, context: context), as: AllocationScreen.self)
    #expect(next.title == "Northwind Traders")
  }

  @Test(arguments: StoreKind.available)
  func theAllocationTableReadsAColumnARow(kind: StoreKind) throws {
    let fixture = try LineFixture(kind)
    let context = fixture.context
    var screen = AllocationScreen(account: 1, context: context)
    let lines = screen.lines(context: context)
    let cells = context.state.allocationTable(account: 1)
    LineCheck.check(lines, rows: cells.count)
    for (row, cell) in zip(lines.rows, cells) {
      #expect(
        row
          == "\(cell.title): Maximum \(cell.maximum), In Use \(cell.inUse), Available \(cell.available)"
      )
    }
    #expect(lines.summary.contains(AllocationScreen.explain(cells[0])))
    #expect(lines.actions.map(\.word) == ["allocate", "log"])
    let open = try #require(cells.firstIndex { $0.deallocatable > 0 })
    let wizard = try LineCheck.pushed(screen.openRow(open, context: context), as: (any Screen).self)
    #expect(LineCheck.isWizard(wizard))
    for key in try LineCheck.action("log", in: lines).keys {
      if case .push(let log) = screen.update(key, context: context) {
        #expect(log is TransactionLogScreen)
      }
    }
  }

  @Test(arguments: StoreKind.available)
  func aTransactionLogAndATransaction(kind: StoreKind) throws {
    let fixture = try LineFixture(kind)
    let context = fixture.context
    let account = context.state.accounts[1]
    var log = TransactionLogScreen(
      accountCode: account.code, accountName: account.name, context: context)
    let logLines = log.lines(context: context)
    let transactions = try #require(try context.store?.transactions(account: account.code))
    LineCheck.check(logLines, rows: transactions.count)
    let newest = try #require(transactions.last)
    #expect(logLines.rows[0].hasPrefix("\(newest.transactionId): Time "))
    #expect(logLines.rows[0].contains("Action \(newest.action.title)"))
    var screen = try LineCheck.pushed(log.openRow(0, context: context), as: TransactionScreen.self)
    let lines = screen.lines(context: context)
    let serials = newest.items.flatMap { $0.serials ?? [] }
    LineCheck.check(lines, rows: serials.count)
    #expect(lines.summary.contains { $0.hasPrefix("Moved: ") })
    #expect(try LineCheck.action("reverse", in: lines).keys == [.character("v")])
    if let serial = serials.first {
      #expect(lines.rows[0].hasPrefix("\(serial): Model "))
      #expect(lines.rows[0].contains("State now "))
      _ = screen.openRow(0, context: context)
      #expect(screen.lines(context: context).summary.last?.contains("only faulty") == true)
    }
  }

  @Test(arguments: StoreKind.available)
  func subscriptionsASubscriptionAndItsHistory(kind: StoreKind) throws {
    let fixture = try LineFixture(kind)
    let context = fixture.context
    let book = context.state.subscriptions
    var list = SubscriptionsScreen(context: context)
    let listLines = list.lines(context: context)
    LineCheck.check(listLines, rows: book.subscriptions.count)
    #expect(listLines.rows[0].contains(": Life Cycle State "))
    var screen = try LineCheck.pushed(
      list.openRow(0, context: context), as: SubscriptionScreen.self)
    let lines = screen.lines(context: context)
    let subscription = try #require(book.subscription(screen.number))
    LineCheck.check(lines, rows: subscription.items.count)
    #expect(lines.rows.allSatisfy { $0.contains(": Product ") && $0.contains(", Ownership ") })
    let allowed = SubscriptionAction.allCases.filter {
      $0.unavailableReason(subscription, book) == nil
    }
    #expect(lines.actions.map(\.word) == allowed.map(\.rawValue) + ["history", "warehouses"])
    if let first = allowed.first {
      var effect = Effect.none
      for key in try LineCheck.action(first.rawValue, in: lines).keys {
        effect = screen.update(key, context: context)
      }
      #expect(LineCheck.isWizard(try LineCheck.pushed(effect, as: (any Screen).self)))
    }
    let history = try LineCheck.pushed(
      screen.openRow(0, context: context), as: SubscriptionHistoryScreen.self)
    let historyLines = history.lines(context: context)
    let found = SubscriptionHistory.transactions(history.subject, store: context.store)
    LineCheck.check(historyLines, rows: found.count)
    #expect(historyLines.rows.allSatisfy { $0.contains(": Time ") && $0.contains(", By ") })
  }

  @Test(arguments: StoreKind.available)
  func aWarehouseItsStockAndTransactions(kind: StoreKind) throws {
    let fixture = try LineFixture(kind)
    let context = fixture.context
    var screen = WarehouseScreen(context: context)
    let lines = screen.lines(context: context)
    let found = SubscriptionHistory.transactions(.warehouse(screen.code), store: context.store)
    LineCheck.check(lines, rows: found.count)
    let products = context.state.subscriptions.products
    #expect(lines.summary.filter { $0.contains(", In stock ") }.count == products.count)
    #expect(lines.rows.allSatisfy { $0.contains(": Time ") })
    let before = screen.code
    for key in try LineCheck.action("next", in: lines).keys {
      _ = screen.update(key, context: context)
    }
    #expect(screen.code != before)
  }

  @Test(arguments: StoreKind.available)
  func theInventoryAndItsFaultyTokens(kind: StoreKind) throws {
    let fixture = try LineFixture(kind)
    let context = fixture.context
    var screen = InventoryScreen(context: context)
    let lines = screen.lines(context: context)
    let summary = context.state.inventorySummary()
    LineCheck.check(lines, rows: summary.hardware.count)
    #expect(lines.rows.allSatisfy { $0.contains(": Container ") && $0.contains(", Faulty ") })
    #expect(lines.summary.filter { $0.contains(": Owned ") }.count == summary.software.count)
    #expect(lines.actions.map(\.word) == ["allocate", "receive"])
    let faulty = try #require(summary.hardware.firstIndex { $0.faulty > 0 })
    var tokens = try LineCheck.pushed(
      screen.openRow(faulty, context: context), as: FaultyTokensScreen.self)
    let tokenLines = tokens.lines(context: context)
    LineCheck.check(tokenLines, rows: summary.hardware[faulty].faulty)
    #expect(tokenLines.rowAction == "re-initialize the token")
    _ = tokens.openRow(0, context: context)
    let question = tokens.lines(context: context)
    LineCheck.check(question, rows: 0)
    #expect(question.actions.map(\.word) == ["re-initialize", "cancel"])
    #expect(question.actions[0].keys == [.enter])
    #expect(question.actions[1].keys == [.escape])
    var effect = Effect.none
    for key in question.actions[0].keys { effect = tokens.update(key, context: context) }
    guard case .commit(let pending) = effect, case .reinitialize = pending.command else {
      Issue.record("re-initialize did not commit")
      return
    }
  }
}

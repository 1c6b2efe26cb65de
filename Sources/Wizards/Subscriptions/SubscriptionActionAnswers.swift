import Foundation
import StockroomDomain
import TerminalUI

/// Everything the subscription action modal has been told, with the data it chose from
/// (a copy of the subscriptions book) and the preview and validations worked out from it.
public struct SubscriptionActionAnswers {
  public typealias Control = SubscriptionActionFlow.Control

  public let action: SubscriptionAction
  public var book: SubscriptionBook
  public var subscription: Subscription
  /// The Installed Items section's rows: for a swap, the items outside bundles and the
  /// bundles (whose components are under Installed Items Components); for a remove, the
  /// bundles followed by their components too.
  public var items: [InstalledItem]
  /// The highlighted installed item; nil until one is chosen (a wizard opened from a
  /// record that named none, or an item no longer installed).
  public var itemCursor: Int? = 0
  /// The Installed Items Components section (swap): the highlighted bundle's components.
  public var components: [InstalledItem] = []
  /// The highlighted component row.
  public var componentCursor = 0
  /// The serials of the components checked; a component swap takes exactly one.
  public var checked: Set<String> = []
  public var reason = RadioGroup(
    options: SwapReason.allCases.map { RadioGroup.Option($0.title) }, selected: 0)
  public var mode = RadioGroup(
    options: SwapMode.allCases.map { RadioGroup.Option($0.title) }, selected: 0)
  public var ownership = RadioGroup(
    options: ItemOwnership.allCases.map { RadioGroup.Option($0.title) }, selected: 0)
  public var search = TextField(width: 24, maxLength: 32)
  /// Items the search found (same product for a swap; any available for an add).
  public var candidates: [StockItem] = []
  /// The highlighted new item; nil until one is chosen (as for `itemCursor`).
  public var candidateCursor: Int? = 0
  /// The swap's search widened from the item's product to every product (F5).
  public var widened = false
  public var performedBy: TextField
  public var performedOn: TextField
  public var reference = TextField.reference(width: 30)
  /// The OS user at the keyboard (recorded beside "performed by").
  public let osUser: String
  public let now: Date
  public let timeZone: TimeZone
  /// What the action would change, when it can be worked out.
  public var change: SubscriptionChange?
  public var actionCode: ActionCode
  /// Every validation that fails, in words, with the control whose answer breaks it.
  public var problems: [WizardRefusal<Control>] = []
  /// True once the user changed something (or the answers came from a record).
  public var touched = false
  /// What could not be kept when the answers were opened again (a record, or the state
  /// after a conflict), or what to answer first, shown on the status line until the next
  /// answer.
  public var notice: StatusLine?

  public init(action: SubscriptionAction, subscription: Subscription, context: AppContext) {
    self.action = action
    book = context.state.subscriptions
    self.subscription = subscription
    items = Self.rows(action, subscription)
    osUser = context.userName
    now = context.now
    timeZone = context.timeZone
    performedBy = TextField(width: 20, maxLength: 64, text: context.userName)
    performedOn = TextField(
      width: 17, maxLength: 16,
      text: SubscriptionActionAnswers.format(context.now, context.timeZone))
    actionCode = action.actionCode(in: subscription.state)
    refreshComponents()
    refreshCandidates()
    recompute()
  }

  /// The Installed Items section's rows for `action` (see `items`).
  static func rows(_ action: SubscriptionAction, _ subscription: Subscription) -> [InstalledItem] {
    let all = subscription.itemsInOrder
    return action == .swap ? all.filter { $0.bundle == nil } : all
  }

  /// The highlighted row of the Installed Items section.
  public var highlighted: InstalledItem? {
    itemCursor.flatMap { items.indices.contains($0) ? items[$0] : nil }
  }

  /// The installed item the action is on: for a component swap the one component checked
  /// (nil while none or several are), else the highlighted row.
  public var item: InstalledItem? {
    guard isComponentSwap else { return highlighted }
    let marked = components.filter { checked.contains($0.serial) }
    return marked.count == 1 ? marked.first : nil
  }

  /// True when the swap exchanges a component of the highlighted bundle (Swap Component).
  public var isComponentSwap: Bool { action == .swap && chosenMode == .component }

  /// Lists the highlighted bundle's components under Installed Items Components (a swap);
  /// the checks stay while the same bundle stays highlighted.
  public mutating func refreshComponents() {
    let owner = action == .swap ? highlighted.map(\.serial) : nil
    let fresh = subscription.itemsInOrder.filter { $0.bundle != nil && $0.bundle == owner }
    if fresh.map(\.serial) != components.map(\.serial) {
      checked = checked.filter { serial in fresh.contains { $0.serial == serial } }
      componentCursor = 0
    }
    components = fresh
  }

  /// The highlighted new item.
  public var candidate: StockItem? {
    candidateCursor.flatMap { candidates.indices.contains($0) ? candidates[$0] : nil }
  }

  public var chosenReason: SwapReason { SwapReason.allCases[reason.selected ?? 0] }

  public var chosenOwnership: ItemOwnership { ItemOwnership.allCases[ownership.selected ?? 0] }

  /// Checks the component at `index`, or takes its check off.
  public mutating func toggleComponent(at index: Int) {
    guard components.indices.contains(index) else { return }
    let serial = components[index].serial
    if checked.remove(serial) == nil { checked.insert(serial) }
  }

  /// Bundle or component; only meaningful for a Fixed Product Bundle's item.
  public var chosenMode: SwapMode {
    guard isBundleItem else { return .bundle }
    if highlighted?.bundle != nil { return .component }
    return SwapMode.allCases[mode.selected ?? 0]
  }

  /// True when the highlighted item is a bundle or a component of one.
  public var isBundleItem: Bool {
    guard let highlighted else { return false }
    return highlighted.bundle != nil || book.product(highlighted.product)?.isBundle == true
  }

  /// The product the new item must be (swap), or nil (add: any).
  public var wantedProduct: String? {
    guard action == .swap, let item else { return nil }
    if chosenMode == .bundle, let bundle = item.bundle,
      let root = subscription.item(bundle)
    {
      return root.product
    }
    return item.product
  }

  /// True when the search may widen to other models: a swap of an item outside a bundle
  /// ("exchanged for a new or different model"); bundles and components keep their product.
  public var canWiden: Bool { action == .swap && item != nil && !isBundleItem }

  /// Every item the search may find, before the search text narrows it: the item's product
  /// first; widened, every product the Active Subscription Definition Rules allow instead.
  public var pool: [StockItem] {
    if action == .swap, widened, canWiden, let item {
      let allowed = book.productsAllowed(swapping: item.serial, on: subscription.number)
      return book.availableItems.filter { allowed.contains($0.product) }
    }
    if action == .swap { return wantedProduct.map { book.available(product: $0) } ?? [] }
    return book.availableItems
  }

  /// Re-runs the search for new items.
  public mutating func refreshCandidates() {
    let needle = search.text.lowercased()
    candidates = pool.filter { needle.isEmpty || $0.serial.lowercased().contains(needle) }
    candidateCursor = candidateCursor.map { min($0, max(0, candidates.count - 1)) }
  }

  /// The performed date typed, as a time; nil when it is not `YYYY-MM-DD HH:MM`.
  public var performedDate: Date? {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = timeZone
    formatter.dateFormat = "yyyy-MM-dd HH:mm"
    return formatter.date(from: performedOn.text)
  }

  static func format(_ date: Date, _ zone: TimeZone) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = zone
    formatter.dateFormat = "yyyy-MM-dd HH:mm"
    return formatter.string(from: date)
  }

  static func iso(_ date: Date) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.timeZone = TimeZone(identifier: "UTC")
    return formatter.string(from: date)
  }

  /// The domain command these answers make.
  public var command: SubscriptionCommand? {
    let details = ActionDetails(
      reference: reference.text, performedOn: performedDate.map(Self.iso),
      submittedAt: Self.iso(now))
    switch action {
    case .swap:
      guard let item, let candidate else { return nil }
      return .swap(
        SwapRequest(
          subscription: subscription.number, serial: item.serial, newSerial: candidate.serial,
          mode: isBundleItem ? chosenMode : nil, reason: chosenReason, details: details))
    case .remove:
      guard let item else { return nil }
      return .remove(
        RemoveRequest(subscription: subscription.number, serial: item.serial, details: details))
    case .add:
      guard let candidate else { return nil }
      return .add(
        AddItemRequest(
          subscription: subscription.number, serial: candidate.serial,
          ownership: chosenOwnership, details: details))
    }
  }

  /// Works out the preview and every failing validation from the answers.
  public mutating func recompute() {
    var state = InventoryState()
    state.subscriptions = book
    guard let command else {
      change = nil
      problems = []
      return
    }
    change = subscriptionPreview(command, in: state)
    problems = subscriptionProblems(command, in: state).flatMap { problem in
      let control = SubscriptionActionFlow.control(breaking: problem, action: action)
      if case .rulesBroken(let rules) = problem {
        return rules.map { WizardRefusal("Rule broken: " + $0, control: control) }
      }
      return [WizardRefusal(problem.message, control: control)]
    }
  }
}

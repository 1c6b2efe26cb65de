import StockroomDomain
import TerminalUI

/// How the subscription action modal takes keys and clicks, draws a step and places the
/// cursor, each against the step's one layout.
extension SubscriptionActionFlow {
  public func update(
    _ key: Key, control: Control, step: Step, answers: inout Answers,
    layout: StepLayout<Control>, context: AppContext
  ) -> KeyResult {
    let result: KeyResult
    if case .mouse(let mouse) = key {
      result = click(mouse, control: control, answers: &answers, layout: layout)
    } else {
      result = type(key, control: control, answers: &answers, layout: layout)
    }
    if result != .ignored {
      answers.touched = true
      answers.notice = nil
      // Choosing among the new items or their ownership does not change the search.
      if control != .candidates && control != .ownership { answers.refreshCandidates() }
      answers.recompute()
    }
    return result
  }

  private func type(
    _ key: Key, control: Control, answers: inout Answers, layout: StepLayout<Control>
  ) -> KeyResult {
    if key == Self.widenKey, control == .search || control == .candidates, answers.canWiden {
      answers.widened.toggle()
      answers.candidateCursor = 0
      return .handled
    }
    switch control {
    case .installed:
      let page = max(1, layout.frame(.installed).height)
      let result = Self.move(&answers.itemCursor, count: answers.items.count, key: key, page: page)
      if result == .handled {
        answers.search.setText("")
        answers.refreshComponents()
      }
      return result
    case .components:
      if key == .character(" ") {
        answers.toggleComponent(at: answers.componentCursor)
        return .handled
      }
      let page = max(1, layout.frame(.components).height)
      return Self.move(
        &answers.componentCursor, count: answers.components.count, key: key, page: page)
    case .reason: return Self.inline(&answers.reason, key: key)
    case .mode: return answers.isBundleItem ? Self.inline(&answers.mode, key: key) : .ignored
    case .search: return answers.search.update(key)
    case .candidates:
      let page = max(1, layout.frame(.candidates).height)
      return Self.move(
        &answers.candidateCursor, count: answers.candidates.count, key: key, page: page)
    case .ownership: return Self.inline(&answers.ownership, key: key)
    case .performedBy: return answers.performedBy.update(key)
    case .performedDate: return answers.performedOn.update(key)
    case .reference: return answers.reference.update(key)
    }
  }

  /// A click on a table row chooses it, the wheel moves along it; a click on a radio
  /// option chooses it; a click on a field only focuses it (the runtime did).
  private func click(
    _ mouse: Mouse, control: Control, answers: inout Answers, layout: StepLayout<Control>
  ) -> KeyResult {
    let frame = layout.frame(control)
    switch control {
    case .installed:
      let result = Self.pick(
        mouse, &answers.itemCursor, count: answers.items.count, in: frame)
      if result == .handled {
        answers.search.setText("")
        answers.refreshComponents()
      }
      return result
    case .components:
      var cursor: Int? = answers.componentCursor
      let result = Self.pick(mouse, &cursor, count: answers.components.count, in: frame)
      answers.componentCursor = cursor ?? answers.componentCursor
      if result == .handled, mouse.action == .press {
        answers.toggleComponent(at: answers.componentCursor)
      }
      return result
    case .candidates:
      return Self.pick(mouse, &answers.candidateCursor, count: answers.candidates.count, in: frame)
    case .reason: return Self.choose(mouse, &answers.reason, in: frame)
    case .mode:
      return answers.isBundleItem ? Self.choose(mouse, &answers.mode, in: frame) : .ignored
    case .ownership: return Self.choose(mouse, &answers.ownership, in: frame)
    case .search, .performedBy, .performedDate, .reference: return .ignored
    }
  }

  private static func pick(_ mouse: Mouse, _ cursor: inout Int?, count: Int, in frame: Rect)
    -> KeyResult
  {
    switch mouse.action {
    case .wheelUp: return move(&cursor, count: count, key: .up, page: frame.height)
    case .wheelDown: return move(&cursor, count: count, key: .down, page: frame.height)
    case .press:
      let top = SubscriptionActionLayout.top(cursor: cursor, count: count, height: frame.height)
      let index = top + mouse.position.y - frame.y
      guard frame.contains(mouse.position), index < count else { return .ignored }
      cursor = index
      return .handled
    case .release: return .ignored
    }
  }

  private static func choose(_ mouse: Mouse, _ group: inout RadioGroup, in frame: Rect)
    -> KeyResult
  {
    guard mouse.action == .press,
      let index = SubscriptionActionLayout.optionFrames(group, in: frame).firstIndex(where: {
        $0.contains(mouse.position)
      })
    else { return .ignored }
    group.choose(index)
    return .handled
  }

  /// The key that widens a swap's search to other models, and narrows it again.
  static let widenKey = Key.function(5)

  /// ↑ ↓ PgUp PgDn Home End over a list of `count` rows, `page` rows to a page.
  static func move(_ cursor: inout Int, count: Int, key: Key, page: Int = 5) -> KeyResult {
    var optional: Int? = cursor
    let result = move(&optional, count: count, key: key, page: page)
    cursor = optional ?? cursor
    return result
  }

  /// As above, from no row chosen yet: any move starts at the first row (End at the last).
  static func move(_ cursor: inout Int?, count: Int, key: Key, page: Int) -> KeyResult {
    guard count > 0 else { return .ignored }
    let here = cursor ?? -1
    let next: Int
    switch key {
    case .up: next = here - 1
    case .down: next = here + 1
    case .pageUp: next = here - page
    case .pageDown: next = here + page
    case .home: next = 0
    case .end: next = count - 1
    default: return .ignored
    }
    cursor = min(max(0, next), count - 1)
    return .handled
  }

  /// A radio group on one line: ← → (or ↑ ↓) choose at once, Space too.
  static func inline(_ group: inout RadioGroup, key: Key) -> KeyResult {
    switch key {
    case .left, .up:
      _ = group.update(.up)
    case .right, .down:
      _ = group.update(.down)
    case .character(" "):
      break
    default:
      return .ignored
    }
    group.choose(group.highlighted)
    return .handled
  }

  public func view(
    step: Step, focus: Control?, answers: Answers, layout: StepLayout<Control>,
    into buffer: inout Buffer, context: AppContext
  ) {
    SubscriptionActionView.draw(
      step, focus: focus, answers: answers, layout: layout, into: &buffer)
  }

  public func cursor(
    _ control: Control, step: Step, answers: Answers, layout: StepLayout<Control>
  ) -> Point? {
    switch control {
    case .search: return answers.search.cursorPosition(in: layout.frame(.search))
    case .performedBy: return answers.performedBy.cursorPosition(in: layout.frame(.performedBy))
    case .performedDate:
      return answers.performedOn.cursorPosition(in: layout.frame(.performedDate))
    case .reference: return answers.reference.cursorPosition(in: layout.frame(.reference))
    case .installed, .reason, .mode, .components, .candidates, .ownership: return nil
    }
  }
}

import StockroomDomain
import TerminalUI

/// The approval policy in force (issue 20), read-only: its chains and their levels, as
/// `stockroom approvals` prints them. The support desk changes it with `approvals set`.
public struct ApprovalPolicyScreen: Screen {
  public init() {}

  public var title: String { "Approvals" }

  public var help: String {
    """
    The company's approval policy: a list of chains, each for some order types (or every \
    type). The first chain that covers an order's type applies, one level after the other: \
    the employee's manager, a named employee or anyone in a department. A level with an \
    amount applies only when the order's price is at or above it. An order keeps the chain \
    in force when it was submitted. The support desk changes the policy with \
    `stockroom approvals set --file POLICY.toml`.
    """
  }

  public var keyBindings: [KeyBinding] { [.back] }

  public mutating func update(_ key: Key, context: AppContext) -> Effect { .none }

  public func view(into buffer: inout Buffer, in rect: Rect, context: AppContext) {
    Box.draw(into: &buffer, rect, title: "Approval policy")
    let inside = rect.inset(by: 1)
    var y = inside.y
    for line in context.state.orders.policyLines() where y < inside.maxY {
      let style: Style = line.hasPrefix("Chain") ? .title : .plain
      buffer.put(TextSafety.neutralised(line), x: inside.x + 1, y: y, style: style, clip: inside)
      y += 1
    }
  }
}

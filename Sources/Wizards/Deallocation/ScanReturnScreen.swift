import StockroomDomain
import TerminalUI

/// "Scan a returned serial": at the returns bench, scanning (or typing) a
/// serial opens its account's hardware pick list with the serial already in
/// Deallocate. A serial that cannot be deallocated says why.
public struct ScanReturnScreen: Screen {
  private var field = TextField(width: 30, maxLength: 64)
  private var notice: StatusLine?

  public init() {}

  public var title: String { "Scan a returned serial" }

  public var help: String {
    """
    Scan the barcode of a returned hardware token, or type its serial and press Enter. \
    Stockroom finds the account it is allocated to and opens the hardware deallocation \
    wizard there, with the serial already in Deallocate; scan more serials of the same \
    account on the pick list.

    A serial that is unknown, not allocated, or in use (assigned to a user in the \
    account's Virtual Server) cannot be deallocated, and the reason is shown here.
    """
  }

  public var keyBindings: [KeyBinding] { [KeyBinding("Enter", "find"), .back] }
  public var isEditingText: Bool { true }
  public var status: StatusLine? { notice }

  public mutating func update(_ key: Key, context: AppContext) -> Effect {
    if key == .enter {
      let serial = field.text.trimmingCharacters(in: .whitespaces)
      field.setText("")
      guard !serial.isEmpty else { return .none }
      switch ScanReturnScreen.open(serial: serial, context: context) {
      case .success(let screen):
        notice = nil
        return .push(screen)
      case .failure(let refusal):
        notice = StatusLine(refusal.message, kind: .error)
      }
      return .none
    }
    notice = nil
    _ = field.update(key)
    return .none
  }

  /// Why a scanned serial cannot be deallocated.
  public struct Refusal: Error {
    public var message: String
  }

  /// The hardware wizard for the serial's account with the serial moved, or why not.
  public static func open(
    serial: String, context: AppContext
  ) -> Result<WizardScreen<DeallocationFlow>, Refusal> {
    let state = context.state
    let shown = TextSafety.neutralised(serial)
    guard let token = state.token(serial: serial) else {
      return .failure(Refusal(message: "\(shown) is not a known serial."))
    }
    guard let account = token.accountIndex, token.isAllocated(to: account) else {
      return .failure(
        Refusal(message: "\(shown) is not allocated to an account (it is \(token.state.rawValue)).")
      )
    }
    guard token.isDeallocatable(from: account) else {
      return .failure(
        Refusal(
          message: "\(shown) is in use in \(TextSafety.neutralised(state.accounts[account].name)); "
            + "it cannot be deallocated."))
    }
    guard
      var made = DeallocationFlow.make(
        kind: .hardware(model: Int(token.model)), account: account, context: context)
    else { return .failure(Refusal(message: "\(shown): its account is missing.")) }
    made.answers.search(flow: made.flow, state: state)
    if var list = made.answers.pickList {
      _ = list.scan(serial)
      made.answers.pickList = list
    }
    made.answers.scanNotice = StatusLine("\(shown) is in Deallocate; scan the next serial.")
    return .success(
      WizardScreen(flow: made.flow, answers: made.answers, at: WizardPlace(.select, .pick(.scan))))
  }

  public func view(into buffer: inout Buffer, in rect: Rect, context: AppContext) {
    Box.draw(into: &buffer, rect, title: "Scan a returned serial")
    let inside = rect.inset(by: 1)
    let x = inside.x + 2
    buffer.put(
      "Scan the returned token's barcode, or type its serial and press Enter.", x: x,
      y: inside.y + 1)
    buffer.put("Serial", x: x, y: inside.y + 3, style: .title)
    field.render(
      into: &buffer, in: Rect(x: x + 8, y: inside.y + 3, width: 60, height: 1), focused: true)
    let lines = [
      "The token's account opens at the hardware pick list with the serial already",
      "in Deallocate. Deallocate hardware only once it is physically back.",
    ]
    for (index, line) in lines.enumerated() {
      buffer.put(line, x: x, y: inside.y + 5 + index, style: .hint)
    }
  }

  public func cursor(in rect: Rect) -> Point? {
    let inside = rect.inset(by: 1)
    return field.cursorPosition(
      in: Rect(x: inside.x + 10, y: inside.y + 3, width: 60, height: 1))
  }
}

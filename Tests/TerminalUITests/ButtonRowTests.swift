import Testing

@testable import TerminalUI

@Suite struct ButtonRowTests {
  @Test func wizardRowFocusesTheForwardButton() {
    let row = ButtonRow.wizard(lastStep: false)
    #expect(row.buttons.map(\.title) == ["< Back", "Next >", "Cancel"])
    #expect(row.focusedIndex == 1)
    #expect(ButtonRow.wizard(lastStep: true).buttons[1].role == .confirm)
  }

  @Test func arrowsMoveBetweenEnabledButtons() {
    var row = ButtonRow.wizard(lastStep: false)
    row.setDisabledReason("Enter a quantity", for: .next)
    _ = row.update(.left)
    #expect(row.focusedIndex == 0)
    #expect(row.update(.right) == .handled)
    #expect(row.focusedIndex == 2)
    _ = row.update(.right)
    #expect(row.focusedIndex == 2)
    #expect(row.update(.tab) == .ignored)
  }

  @Test func enterAndSpaceActivate() {
    var row = ButtonRow.wizard(lastStep: false)
    #expect(row.update(.enter) == .activated)
    #expect(row.activatedButton == 1)
    #expect(row.activatedRole == .next)
    _ = row.update(.right)
    #expect(row.activatedButton == nil)
    #expect(row.update(.character(" ")) == .activated)
    #expect(row.activatedRole == .cancel)
  }

  @Test func disabledButtonSaysWhy() {
    var row = ButtonRow.wizard(lastStep: false)
    row.setDisabledReason("Enter a quantity", at: 1)
    #expect(row.primaryDisabledReason == "Enter a quantity")
    #expect(row.update(.enter) == .handled)
    #expect(row.activatedButton == nil)
    #expect(row.refusal == "Enter a quantity")
    row.setDisabledReason(nil, at: 1)
    #expect(row.primaryDisabledReason == nil)
    #expect(row.update(.enter) == .activated)
  }

  @Test func rendersButtonsWithFocusAndDisabledStyle() {
    var row = ButtonRow.wizard(lastStep: false)
    row.setDisabledReason("Nothing to go back to", for: .back)
    var buffer = Buffer(width: 40, height: 1)
    row.render(into: &buffer, in: buffer.bounds, focused: true)
    #expect(buffer.line(0) == "[ < Back ]  [ Next > ]  [ Cancel ]")
    #expect(buffer[0, 0].style.dim)
    #expect(buffer[12, 0].style.reverse && buffer[12, 0].style.bold)
    #expect(!buffer[24, 0].style.reverse)
    var unfocused = Buffer(width: 40, height: 1)
    row.render(into: &unfocused, in: unfocused.bounds, focused: false)
    #expect(!unfocused[12, 0].style.reverse)
  }

  @Test func clickPressesTheButtonUnderThePointer() {
    var row = ButtonRow.wizard(lastStep: true)
    let rect = Rect(x: 2, y: 5, width: 40, height: 1)
    #expect(row.click(at: Point(x: 28, y: 5), in: rect) == .activated)
    #expect(row.activatedRole == .cancel)
    #expect(row.focusedIndex == 2)
    #expect(row.click(at: Point(x: 12, y: 5), in: rect) == .ignored)
  }
}

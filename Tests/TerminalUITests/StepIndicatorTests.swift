import Testing

@testable import TerminalUI

@Suite struct StepIndicatorTests {
  private let steps = StepIndicator(titles: ["Select", "Reference", "Confirm"], current: 1)

  @Test func textNamesTheStep() {
    #expect(steps.text == "Step 2 of 3 · Reference")
    #expect(steps.breadcrumb == "Select › Reference › Confirm")
    var copy = steps
    #expect(copy.update(.enter) == .ignored)
  }

  @Test func rendersRightAlignedWithTheTitleBold() {
    var buffer = Buffer(width: 30, height: 1)
    steps.render(into: &buffer, in: buffer.bounds, focused: false)
    #expect(buffer.line(0) == "       Step 2 of 3 · Reference")
    #expect(buffer[21, 0].style.bold)
    #expect(!buffer[7, 0].style.bold)
  }

  @Test func narrowRectTruncates() {
    var buffer = Buffer(width: 12, height: 1)
    steps.render(into: &buffer, in: buffer.bounds, focused: false)
    #expect(buffer.line(0) == "Step 2 of 3…")
  }

  @Test func breadcrumbMakesTheCurrentStepBold() {
    var buffer = Buffer(width: 40, height: 1)
    steps.renderBreadcrumb(into: &buffer, in: Rect(x: 2, y: 0, width: 38, height: 1))
    #expect(buffer.line(0) == "  Select › Reference › Confirm")
    #expect(!buffer[2, 0].style.bold)
    #expect(buffer[11, 0].style.bold)
    #expect(!buffer[23, 0].style.bold)
  }
}

import TerminalUI
import TestSupport
import Testing

@testable import Wizards

/// The line mode's output rules without a terminal: every line within the width, long
/// words broken, nothing that moves a terminal's cursor or changes its state.
@Suite struct LineTextTests {
  @Test func linesAreWrappedAtWordsWithinTheWidth() {
    let text = "Deallocate RB-1 tokens, step 1 of 3, Select. Quantity (number): the most serials"
    let lines = LineText.wrapped(text, width: 20)
    #expect(lines.allSatisfy { CharacterWidth.of($0) <= 20 }, "\(lines)")
    #expect(lines.joined(separator: " ") == text)
    #expect(lines.first == "Deallocate RB-1")
  }

  @Test func aWordLongerThanTheWidthIsBrokenAtTheWidth() {
    let lines = LineText.wrapped("go " + String(repeating: "x", count: 25) + " on", width: 10)
    #expect(lines == ["go", "xxxxxxxxxx", "xxxxxxxxxx", "xxxxx on"])
  }

  @Test func escapesControlsAndBoxDrawingNeverPass() {
    let hostile = "A\u{1B}[31mB\u{9B}2J\u{07}C\u{85}│─┌D\tE\u{7F}\nF"
    let lines = LineText.wrapped(hostile, width: 80)
    #expect(lines == ["A[31mB2JC D E", "F"])
  }

  @Test func anASCIILocaleGetsStandIns() {
    #expect(
      LineText.cleaned("On-Boarding › Allocation…", ascii: true) == "On-Boarding > Allocation.")
  }

  @Test func seededRandomTextStaysWithinTheWidthAndClean() {
    let seed = FuzzSeed("LineTextTests")
    var generator = seed.generator
    let alphabet = Array("ab cdé  ef\u{1B}\u{9B}\n\t漢字│x-") + ["👍🏽"]
    for round in 0..<500 {
      let width = Int.random(in: 1...60, using: &generator)
      let text = String(
        (0..<Int.random(in: 0...300, using: &generator)).map { _ in
          alphabet.randomElement(using: &generator) ?? "a"
        })
      for line in LineText.wrapped(text, width: width) {
        #expect(
          CharacterWidth.of(line) <= max(width, 2),
          "\(seed.note) round \(round): \(line.debugDescription)")
        #expect(
          !line.unicodeScalars.contains { TextSafety.isUnsafe($0) },
          "\(seed.note) round \(round): \(line.debugDescription)")
      }
    }
  }

  @Test func answersAreReadAsCommandsValuesOrNothing() {
    #expect(LineAnswer("", takesText: true) == .empty)
    #expect(LineAnswer("  :help ", takesText: true) == .command(.help, ""))
    #expect(LineAnswer("help", takesText: false) == .command(.help, ""))
    #expect(LineAnswer("help", takesText: true) == .text("help"))
    #expect(LineAnswer(":pick 3-7", takesText: true) == .command(.pick, "3-7"))
    #expect(LineAnswer(":frobnicate", takesText: false) == .unknownCommand("frobnicate"))
    #expect(LineAnswer("RB1-0001", takesText: true) == .text("RB1-0001"))
  }

  @Test func badBytesAreRefusedInWords() {
    #expect(LineBytes.answer([0x41, 0xFF, 0x42]) == .failure(LineRefusal(LineBytes.notUTF8)))
    let long = [UInt8](repeating: 0x61, count: 10_000)
    #expect(LineBytes.answer(long) == .failure(LineRefusal(LineBytes.tooLong)))
    #expect(LineBytes.answer(Array("ab\u{1B}c\r".utf8)) == .success("abc"))
  }

  @Test func keyNamesDriveAScreenNotYetReadAsLines() {
    #expect(LineKeyNames.keys("down 3 enter") == [.down, .down, .down, .enter])
    #expect(LineKeyNames.keys("ctrl-o") == [.control("o")])
    #expect(LineKeyNames.keys("Fabrikam") == nil)
  }
}

import Foundation

/// `STOCKROOM_LONG_TESTS=1`: the tests that repeat a fault many times (crashes, damage) run
/// their long form, as the nightly run does.
public enum LongTests {
  public static var enabled: Bool {
    ProcessInfo.processInfo.environment["STOCKROOM_LONG_TESTS"] == "1"
  }
}

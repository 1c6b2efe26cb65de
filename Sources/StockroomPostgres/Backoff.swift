import Foundation

/// How long to wait before trying a lost server again: a quarter of a second at first, then
/// twice as long each time up to two seconds, back to the start once it answers.
public struct Backoff: Sendable {
  public static let first: Duration = .milliseconds(250)
  public static let longest: Duration = .seconds(2)
  private var current: Duration = Backoff.first

  public init() {}

  /// The wait before the next try (each call doubles the one after it).
  public mutating func next() -> Duration {
    defer { current = min(current * 2, Self.longest) }
    return current
  }

  /// Sleeps this thread for the next wait.
  public mutating func sleep() {
    let wait = next().components
    Thread.sleep(forTimeInterval: Double(wait.seconds) + Double(wait.attoseconds) / 1e18)
  }

  /// The server answered: the next loss starts from the shortest wait again.
  public mutating func reset() { current = Self.first }
}

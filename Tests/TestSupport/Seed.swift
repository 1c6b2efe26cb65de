import Foundation
import Testing

/// Deterministic randomness for the randomized tests of every target (corrupted files, power
/// loss, a key storm, a sample of bad command lines): the same seed gives the same choices.
public struct SplitMix: RandomNumberGenerator {
  public var state: UInt64
  public init(seed: UInt64) { state = seed }
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// The seed of a randomized test: `STOCKROOM_FUZZ_SEED` when set, else a fresh random one.
/// It is printed when the test starts (`fuzz-seed: NAME seed N (reproduce: ...)`, also when it
/// hangs or crashes) and belongs in every failure message (`note`), with the command that makes
/// the same choices again.
public struct FuzzSeed {
  public static let variable = "STOCKROOM_FUZZ_SEED"
  public let value: UInt64
  public let note: String

  /// `filter` is what `swift test --filter` runs the test by; `settings` are the other
  /// environment variables the choices depend on.
  public init(_ filter: String, settings: [String] = []) {
    let given = ProcessInfo.processInfo.environment[Self.variable].flatMap {
      $0.isEmpty ? nil : $0
    }
    var value = UInt64.random(in: 1...UInt64(UInt32.max))
    if let given {
      if let parsed = UInt64(given) {
        value = parsed
      } else {
        Issue.record("\(Self.variable)=\(given) is not a whole number; a random seed is used")
      }
    }
    self.value = value
    let command = (["\(Self.variable)=\(value)"] + settings).joined(separator: " ")
    note = "seed \(value) (reproduce: \(command) swift test --filter \(filter))"
    print("fuzz-seed: \(filter) \(note)")
  }

  public var generator: SplitMix { SplitMix(seed: value) }
}

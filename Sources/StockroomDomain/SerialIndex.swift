/// Serial → index into an array of tokens (those a `TokenTable` received since its base): an
/// open-addressing table of 8-byte slots, each a hash tag and an index, whose serials are
/// compared in the tokens themselves. At ten million tokens every lookup misses the caches;
/// this one touches a slot and the token it names (which the caller reads next anyway), where
/// a `Dictionary<String, Int32>` touched a key and a value and hashed with SipHash, and it
/// takes 8 to 13 bytes a token instead of about 30.
struct SerialIndex: Sendable {
  /// A power of two, at most 60% full; 0 is an empty slot, else the hash's upper 32 bits
  /// (where the slot's place comes from) over the index plus one.
  private var slots: [UInt64] = []
  private(set) var count = 0

  /// How many serials fit before the table grows.
  var capacity: Int { slots.count * 3 / 5 }

  /// The index of the token with `serial` in `tokens`.
  func find(_ serial: String, in tokens: [HardwareToken]) -> Int? {
    guard !slots.isEmpty else { return nil }
    let tag = Self.tag(serial)
    let mask = slots.count - 1
    var place = Self.place(tag, slots.count)
    while true {
      let slot = slots[place]
      if slot == 0 { return nil }
      if slot >> 32 == tag {
        let index = Int(slot & 0xFFFF_FFFF) - 1
        if tokens[index].serial == serial { return index }
      }
      place = (place + 1) & mask
    }
  }

  /// Files `tokens[index]` under its serial; a serial already filed is filed at `index`
  /// instead (a serial received again is found where it was received last).
  mutating func insert(_ index: Int, in tokens: [HardwareToken]) {
    if count + 1 > capacity { grow(to: max(16, slots.count * 2)) }
    let serial = tokens[index].serial
    let tag = Self.tag(serial)
    let mask = slots.count - 1
    let value = tag << 32 | UInt64(index + 1)
    var place = Self.place(tag, slots.count)
    while true {
      let slot = slots[place]
      if slot == 0 {
        slots[place] = value
        count += 1
        return
      }
      if slot >> 32 == tag && tokens[Int(slot & 0xFFFF_FFFF) - 1].serial == serial {
        slots[place] = value
        return
      }
      place = (place + 1) & mask
    }
  }

  /// Room for `total` serials in all.
  mutating func reserve(_ total: Int) {
    guard total > capacity else { return }
    var size = max(16, slots.count)
    while size * 3 / 5 < total { size *= 2 }
    grow(to: size)
  }

  /// Moves every slot to a table of `size`: the tag says where, no token is read.
  private mutating func grow(to size: Int) {
    var fresh = [UInt64](repeating: 0, count: size)
    let mask = size - 1
    for slot in slots where slot != 0 {
      var place = Self.place(slot >> 32, size)
      while fresh[place] != 0 { place = (place + 1) & mask }
      fresh[place] = slot
    }
    slots = fresh
  }

  /// The slot a tag belongs in: its upper bits.
  private static func place(_ tag: UInt64, _ size: Int) -> Int {
    Int(truncatingIfNeeded: (tag << 32) >> (64 - UInt64(size.trailingZeroBitCount)))
  }

  /// The upper 32 bits of the serial's hash: FNV-1a of its bytes, mixed, when it is ASCII;
  /// otherwise the standard hash, which agrees with `String`'s equality (é composed or not).
  static func tag(_ serial: String) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    var high: UInt8 = 0
    for byte in serial.utf8 {
      hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
      high |= byte
    }
    if high >= 0x80 { hash = UInt64(UInt(bitPattern: serial.hashValue)) }
    hash = (hash ^ (hash >> 30)) &* 0xBF58_476D_1CE4_E5B9
    hash = (hash ^ (hash >> 27)) &* 0x94D0_49BB_1331_11EB
    hash ^= hash >> 31
    return hash >> 32
  }
}

/// The checksum of one page of a snapshot's tokens, checked the first time the page is read.
/// CRC-32C a byte at a time would cost a tenth of a second over a pick list of millions of
/// serials; this reads eight bytes at a time in four independent lanes (each step a bijection
/// of the lane, so any one changed word changes its lane) and folds them to 32 bits.
enum PageSum {
  static func of(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
    let prime: UInt64 = 0x9E37_79B9_7F4A_7C15
    var lanes: (UInt64, UInt64, UInt64, UInt64) = (
      0x243F_6A88_85A3_08D3, 0x1319_8A2E_0370_7344, 0xA409_3822_299F_31D0, 0x082E_FA98_EC4E_6C89
    )
    @inline(__always) func mix(_ lane: inout UInt64, _ word: UInt64) {
      lane = (lane ^ word) &* prime
      lane ^= lane >> 29
    }
    let count = bytes.count
    var offset = 0
    while count - offset >= 32 {
      mix(&lanes.0, bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
      mix(&lanes.1, bytes.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))
      mix(&lanes.2, bytes.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self))
      mix(&lanes.3, bytes.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self))
      offset += 32
    }
    var tail: UInt64 = 0
    var shift: UInt64 = 0
    while offset < count {
      if shift == 64 {
        mix(&lanes.0, tail)
        tail = 0
        shift = 0
      }
      tail |= UInt64(bytes[offset]) << shift
      shift += 8
      offset += 1
    }
    mix(&lanes.0, tail)
    var total = UInt64(count)
    for lane in [lanes.0, lanes.1, lanes.2, lanes.3] { mix(&total, lane) }
    return UInt32(truncatingIfNeeded: total ^ (total >> 32))
  }
}

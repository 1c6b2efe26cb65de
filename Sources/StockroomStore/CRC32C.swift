/// CRC-32C (Castagnoli), slicing-by-8: the checksum of ledger records and snapshots.
public enum CRC32C {
  private static let tables: [[UInt32]] = {
    var first = [UInt32](repeating: 0, count: 256)
    for index in 0..<256 {
      var crc = UInt32(index)
      for _ in 0..<8 { crc = (crc & 1) != 0 ? (crc >> 1) ^ 0x82F6_3B78 : crc >> 1 }
      first[index] = crc
    }
    var all = [first]
    for slice in 1..<8 {
      var table = [UInt32](repeating: 0, count: 256)
      for index in 0..<256 {
        let previous = all[slice - 1][index]
        table[index] = (previous >> 8) ^ first[Int(previous & 0xFF)]
      }
      all.append(table)
    }
    return all
  }()

  /// The checksum of `bytes`, continuing from `crc` (0 to start).
  public static func checksum(_ bytes: UnsafeRawBufferPointer, continuing crc: UInt32 = 0)
    -> UInt32
  {
    var value = ~crc
    let count = bytes.count
    var index = 0
    tables.withUnsafeBufferPointer { slices in
      let t0 = slices[0]
      let t1 = slices[1]
      let t2 = slices[2]
      let t3 = slices[3]
      let t4 = slices[4]
      let t5 = slices[5]
      let t6 = slices[6]
      let t7 = slices[7]
      while count - index >= 8 {
        let low =
          value
          ^ (UInt32(bytes[index]) | UInt32(bytes[index + 1]) << 8
            | UInt32(bytes[index + 2]) << 16 | UInt32(bytes[index + 3]) << 24)
        let high =
          UInt32(bytes[index + 4]) | UInt32(bytes[index + 5]) << 8
          | UInt32(bytes[index + 6]) << 16 | UInt32(bytes[index + 7]) << 24
        value =
          t7[Int(low & 0xFF)] ^ t6[Int((low >> 8) & 0xFF)] ^ t5[Int((low >> 16) & 0xFF)]
          ^ t4[Int(low >> 24)] ^ t3[Int(high & 0xFF)] ^ t2[Int((high >> 8) & 0xFF)]
          ^ t1[Int((high >> 16) & 0xFF)] ^ t0[Int(high >> 24)]
        index += 8
      }
      while index < count {
        value = t0[Int((value ^ UInt32(bytes[index])) & 0xFF)] ^ (value >> 8)
        index += 1
      }
    }
    return ~value
  }

  /// The checksum of a byte array slice.
  public static func checksum(_ bytes: [UInt8], continuing crc: UInt32 = 0) -> UInt32 {
    bytes.withUnsafeBytes { checksum($0, continuing: crc) }
  }

  /// Eight lower-case hex digits.
  public static func hex(_ value: UInt32) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: 8 - digits.count) + digits
  }
}

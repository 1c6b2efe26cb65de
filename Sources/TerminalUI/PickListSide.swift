/// One of the two lists of a `PickList`: which items it holds (as indices
/// into the pick list's one array of strings), its filter and the rows that
/// pass it, its marks and its scroll state. Nothing here copies a string, so
/// a key costs the same whatever the list holds.
struct PickListSide: Sendable {
  /// The items in this list, in the order the list shows them.
  var order: [Int32] = []
  /// The filter text; empty shows every item.
  private(set) var filter = ""
  /// The items passing the filter, in list order; nil when there is no filter.
  private(set) var shown: [Int32]?
  var marks = Set<Int32>()
  /// The rest of a filter's search, while it runs.
  private(set) var job: FilterJob?
  var viewport = ListViewport(reservesIndicatorLine: true)
  /// True while typed characters go to the filter.
  var isEditingFilter = false

  /// The rows the list shows now.
  var rows: [Int32] { shown ?? order }
  var rowCount: Int { shown?.count ?? order.count }

  /// The item on the highlighted row.
  var cursorItem: Int32? {
    let rows = self.rows
    return rows.indices.contains(viewport.cursor) ? rows[viewport.cursor] : nil
  }

  /// Filters by `text` (a case-insensitive substring). The search runs in
  /// chunks of `filterChunk` rows: the first now, the rest from
  /// `continueFilter` (the terminal loop calls it between key polls), so a
  /// key never waits for a million rows. Rows found so far are shown at once.
  /// A filter that only narrows the last one searches just the rows that
  /// passed it (and, mid-search, the rows not searched yet).
  mutating func setFilter(_ text: String, items: [String]) {
    let needle = FilterNeedle(text)
    if text.isEmpty {
      shown = nil
      job = nil
    } else if !filter.isEmpty, FilterNeedle(filter).matches(text), let found = shown {
      // Narrowing: search what passed so far, then what was not searched yet.
      var parts = [found[...]]
      if let running = job { parts += running.remaining }
      job = FilterJob(needle: needle, parts: parts)
      shown = []
    } else {
      job = FilterJob(needle: needle, parts: [order[...]])
      shown = []
    }
    filter = text
    _ = continueFilter(items: items)
  }

  /// The search a filter still has to do, when it did not finish at once:
  /// rows still to search, in list order, in one or more slices.
  struct FilterJob: Sendable {
    var needle: FilterNeedle
    var parts: [ArraySlice<Int32>]
    var total: Int
    var done = 0

    init(needle: FilterNeedle, parts: [ArraySlice<Int32>]) {
      self.needle = needle
      self.parts = parts.filter { !$0.isEmpty }
      self.total = parts.reduce(0) { $0 + $1.count }
    }

    /// The rows not searched yet.
    var remaining: [ArraySlice<Int32>] { parts }
  }

  /// Rows searched per step of a running filter: about half a millisecond.
  static let filterChunk = 16_384

  /// True while a filter is still searching.
  var isFiltering: Bool { job != nil }

  /// How far a running filter is, 0...1.
  var filterProgress: Double {
    guard let job, job.total > 0 else { return 1 }
    return Double(job.done) / Double(job.total)
  }

  /// Searches the next chunk of a running filter; false when none is running.
  mutating func continueFilter(items: [String], rows limit: Int = PickListSide.filterChunk) -> Bool
  {
    guard var running = job else { return false }
    job = nil
    var found = shown ?? []
    shown = nil
    var budget = limit
    while budget > 0, let part = running.parts.first {
      let end = part.startIndex + min(budget, part.count)
      for item in part[part.startIndex..<end] where running.needle.matches(items[Int(item)]) {
        found.append(item)
      }
      budget -= end - part.startIndex
      running.done += end - part.startIndex
      if end == part.endIndex {
        running.parts.removeFirst()
      } else {
        running.parts[0] = part[end...]
      }
    }
    shown = found
    if !running.parts.isEmpty { job = running }
    viewport.setCount(rowCount)
    return true
  }

  /// Runs a running filter to its end (before the list itself changes).
  mutating func finishFilter(items: [String]) {
    while continueFilter(items: items, rows: .max / 2) {}
  }

  /// Takes `moved` out of this list (they have been flagged in `isGone`).
  mutating func remove(_ moved: [Int32], isGone: (Int32) -> Bool) {
    order.removeAll(where: isGone)
    shown?.removeAll(where: isGone)
    marks.subtract(moved)
    viewport.setCount(rowCount)
  }

  /// Adds `moved` at the end of the list (the order items were moved in).
  mutating func append(_ moved: [Int32], items: [String]) {
    order.append(contentsOf: moved)
    if shown != nil {
      let needle = FilterNeedle(filter)
      shown?.append(contentsOf: moved.filter { needle.matches(items[Int($0)]) })
    }
    viewport.setCount(rowCount)
  }

  /// Adds `moved` (ascending) into this list, which is kept in index order.
  mutating func insertSorted(_ moved: [Int32], items: [String]) {
    order = PickListSide.merge(order, moved)
    if let shown {
      let needle = FilterNeedle(filter)
      self.shown = PickListSide.merge(shown, moved.filter { needle.matches(items[Int($0)]) })
    }
    viewport.setCount(rowCount)
  }

  /// Two ascending arrays as one ascending array.
  static func merge(_ a: [Int32], _ b: [Int32]) -> [Int32] {
    if b.isEmpty { return a }
    var result: [Int32] = []
    result.reserveCapacity(a.count + b.count)
    var i = 0
    var j = 0
    while i < a.count && j < b.count {
      if a[i] <= b[j] {
        result.append(a[i])
        i += 1
      } else {
        result.append(b[j])
        j += 1
      }
    }
    result.append(contentsOf: a[i...])
    result.append(contentsOf: b[j...])
    return result
  }
}

/// A case-insensitive substring search that compares UTF-8 bytes with ASCII
/// case folding (serials are ASCII), falling back to full lower-casing for
/// a filter with other letters.
struct FilterNeedle: Sendable {
  private let bytes: [UInt8]
  private let lowered: String
  private let isASCII: Bool

  init(_ text: String) {
    lowered = text.lowercased()
    isASCII = text.utf8.allSatisfy { $0 < 0x80 }
    bytes = text.utf8.map(FilterNeedle.fold)
  }

  func matches(_ item: String) -> Bool {
    guard isASCII else { return item.lowercased().contains(lowered) }
    if bytes.isEmpty { return true }
    var item = item
    return item.withUTF8 { hay in
      guard hay.count >= bytes.count else { return false }
      let first = bytes[0]
      for start in 0...(hay.count - bytes.count) where FilterNeedle.fold(hay[start]) == first {
        var offset = 1
        while offset < bytes.count && FilterNeedle.fold(hay[start + offset]) == bytes[offset] {
          offset += 1
        }
        if offset == bytes.count { return true }
      }
      return false
    }
  }

  private static func fold(_ byte: UInt8) -> UInt8 {
    byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
  }
}

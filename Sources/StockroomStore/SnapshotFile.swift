import Glibc
import StockroomDomain

/// A snapshot (format 5, `SnapshotLayout`) under a name of its own in a data directory, for a
/// store whose ledger is elsewhere: a database store's local cache, named by the store's id.
/// Written and read in place exactly as a file store's `snapshot.bin`; the stamp is the
/// sequence and checksum of the last record it covers, which the owner checks against its
/// ledger before trusting it.
public struct SnapshotFile: Sendable {
  public let directory: DataDirectory
  public let name: String

  public init(directory: DataDirectory, name: String) {
    self.directory = directory
    self.name = name
  }

  public var path: String { directory.file(name) }

  /// The state and the stamp it was written at; nil when there is no such file. Throws
  /// `.unavailable` naming what is wrong with a damaged one. `rebuild` gives the tokens at the
  /// stamp from the ledger, should a token page fail its check when read.
  public func read(
    rebuild: @escaping @Sendable (_ anchor: SnapshotAnchor, _ count: Int) -> any TokenBase
  ) throws(StoreError) -> (anchor: SnapshotAnchor, state: InventoryState)? {
    guard let contents = try Snapshot.read(in: directory, name: name, rebuild: rebuild) else {
      return nil
    }
    return (contents.anchor, contents.state)
  }

  /// Writes the state at `anchor` (a temporary file, fsynced, renamed into place).
  public func write(_ state: InventoryState, anchor: SnapshotAnchor) throws(StoreError) {
    try Snapshot.write(
      SnapshotContents(anchor: anchor, state: state, keys: [:]), in: directory, name: name)
  }

  /// The sequence the file covers, from its header alone (nil: none usable).
  public var sequence: UInt64? { Snapshot.sequence(in: directory, name: name) }

  /// True while another process writes this file (its temporary file is there).
  public var isBeingWritten: Bool { Leftovers.alive(in: directory.path, prefix: name + ".tmp-") }
}

extension InventoryState {
  /// True once a page of the snapshot its tokens are read from failed its check and the
  /// tokens were rebuilt from the ledger instead: a new snapshot is due.
  public var snapshotTokensReplaced: Bool {
    (tokens.base as? MappedTokens)?.isReplaced ?? false
  }
}

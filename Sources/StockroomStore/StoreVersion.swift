/// The ledger record format this build writes and the newest it can read.
public enum StoreVersion {
  public static let format = 1
}

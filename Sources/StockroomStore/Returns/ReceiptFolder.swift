import Foundation
import Glibc
import StockroomDomain

/// `receipts/` in the data directory: one plain-text file per account and returns session,
/// named by the Transaction ID and the account code, written atomically (temporary file,
/// fsync, rename).
public struct ReceiptFolder: Sendable {
  public static let folder = "receipts"
  public let path: String
  private let directory: DataDirectory

  init(in directory: DataDirectory) {
    self.directory = directory
    path = directory.file(Self.folder)
  }

  /// The file a receipt is written to.
  public func file(of receipt: ReturnsReceipt) -> String {
    path + "/\(receipt.transactionId)-\(receipt.account).txt"
  }

  /// Writes `receipt`; its path, or why it could not be written.
  public func write(_ receipt: ReturnsReceipt) -> Result<String, StoreError> {
    if let problem = directory.makeFolder(path) { return .failure(.unavailable(problem)) }
    let final = file(of: receipt)
    do throws(StoreError) {
      try directory.writeAtomically(Array(receipt.text.utf8), to: final)
    } catch {
      return .failure(error)
    }
    return .success(final)
  }
}

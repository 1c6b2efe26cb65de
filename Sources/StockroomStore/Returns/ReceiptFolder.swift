import Foundation
import Glibc
import StockroomDomain

/// `receipts/` in the data directory: one plain-text file per account and returns session,
/// named by the Transaction ID and the account code, written atomically (temporary file,
/// fsync, rename).
public struct ReceiptFolder: Sendable {
  public static let folder = "receipts"
  public let path: String

  public init(directory: String) {
    path = directory + "/" + Self.folder
  }

  /// The file a receipt is written to.
  public func file(of receipt: ReturnsReceipt) -> String {
    path + "/\(receipt.transactionId)-\(receipt.account).txt"
  }

  /// Writes `receipt`; its path, or why it could not be written.
  public func write(_ receipt: ReturnsReceipt) -> Result<String, StoreError> {
    if !POSIXFile.exists(path) {
      do {
        try FileManager.default.createDirectory(
          atPath: path, withIntermediateDirectories: true,
          attributes: [.posixPermissions: 0o700])
      } catch {
        return .failure(.unavailable("\(path): cannot create: \(error.localizedDescription)"))
      }
      _ = POSIXFile.syncDirectory((path as NSString).deletingLastPathComponent)
    }
    let final = file(of: receipt)
    let temporary = path + "/.tmp-\(getpid())-\(receipt.transactionId)"
    do throws(StoreError) {
      let file = try POSIXFile.open(temporary, flags: O_WRONLY | O_CREAT | O_TRUNC)
      var failure: StoreError?
      Array(receipt.text.utf8).withUnsafeBytes { raw in
        do throws(StoreError) { try file.writeAll(raw) } catch { failure = error }
      }
      if let failure { throw failure }
      if let reason = file.sync() { throw .unavailable("\(temporary): fsync failed: \(reason)") }
    } catch {
      unlink(temporary)
      return .failure(error)
    }
    if rename(temporary, final) != 0 {
      let reason = POSIXFile.errnoText()
      unlink(temporary)
      return .failure(.unavailable("\(final): cannot write: \(reason)"))
    }
    _ = POSIXFile.syncDirectory(path)
    return .success(final)
  }
}

import Foundation

/// Which store a run uses: the file store of a data directory, or a database store. Resolved
/// once, from `--store URL`, else `STOCKROOM_STORE` (empty counts as unset), else the data
/// directory, so every command opens the store the same way.
public enum StoreLocation: Equatable, Sendable {
  case directory(URL)
  case postgres(PostgresURL)

  /// The store this run uses; a malformed URL is a problem naming where it came from.
  public static func resolve(
    option: String?, environment: [String: String], dataDirectory: @autoclosure () -> URL
  ) throws(PostgresURL.Problem) -> StoreLocation {
    let (text, source): (String, String)
    if let option {
      (text, source) = (option, "--store")
    } else if let value = environment["STOCKROOM_STORE"], !value.isEmpty {
      (text, source) = (value, "STOCKROOM_STORE")
    } else {
      return .directory(dataDirectory())
    }
    do {
      return .postgres(try PostgresURL(parsing: text))
    } catch {
      throw PostgresURL.Problem("\(source): \(error.message)")
    }
  }
}

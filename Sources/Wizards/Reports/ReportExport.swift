/// A report the Reports screen exports (`e`): the file's name in the data directory's
/// `exports/` and its bytes, which the runtime writes (files 0600) since screens open none.
public struct ReportExport: Sendable, Hashable {
  public var fileName: String
  public var contents: String
  public var rows: Int

  public init(fileName: String, contents: String, rows: Int) {
    self.fileName = fileName
    self.contents = contents
    self.rows = rows
  }

  /// Where the export went, or why it could not be written.
  public enum Outcome: Sendable, Hashable {
    case written(path: String)
    case failed(String)
  }
}

import Foundation
import Glibc
import StockroomDomain

/// The outbox maildir in the data directory, where order notifications wait to go out. A
/// commit only posts its messages here (written in `tmp/`, synced, renamed into `new/`);
/// delivery to `STOCKROOM_SENDMAIL` happens afterwards, so a sendmail that hangs never holds
/// a commit. A delivered message moves to `cur/` flagged passed (`:2,P`); a failed try leaves
/// it in `new/` with a note in `failed/` saying why, for the next try.
public struct Outbox: Sendable {
  public static let folder = "outbox"
  /// Seconds a sendmail program may take when `STOCKROOM_SENDMAIL_TIMEOUT` does not say.
  public static let defaultTimeout = 30.0

  public let path: String
  public var environment: [String: String]
  /// The data directory holding it: its files get the directory's modes.
  let directory: DataDirectory

  public init(directory: String, environment: [String: String]) {
    path = directory + "/" + Self.folder
    self.environment = environment
    self.directory = DataDirectory.beside(directory, environment: environment)
  }

  /// The sender of every message (`STOCKROOM_MAIL_FROM`).
  public var from: String {
    if let from = environment["STOCKROOM_MAIL_FROM"], !from.isEmpty {
      return TextRules.neutralised(from)
    }
    return "Stockroom <stockroom@localhost>"
  }

  /// The program messages are handed to (`STOCKROOM_SENDMAIL`), nil when unset.
  public var sendmail: String? {
    guard let program = environment["STOCKROOM_SENDMAIL"], !program.isEmpty else { return nil }
    return program
  }

  /// Seconds one message may take before its sendmail is stopped
  /// (`STOCKROOM_SENDMAIL_TIMEOUT`, default 30).
  public var timeout: Double {
    guard let text = environment["STOCKROOM_SENDMAIL_TIMEOUT"], let seconds = Double(text),
      seconds > 0, seconds.isFinite
    else { return Self.defaultTimeout }
    return seconds
  }

  var newFolder: String { path + "/new" }
  var curFolder: String { path + "/cur" }
  var failedFolder: String { path + "/failed" }

  /// Writes each message durably into `new/`; the names written, and one line per problem.
  public func post(_ mails: [OrderMail]) -> (names: [String], problems: [String]) {
    guard !mails.isEmpty else { return ([], []) }
    if let problem = prepare() { return ([], [problem]) }
    var names: [String] = []
    var problems: [String] = []
    for mail in mails {
      let name = OutboxName(mail: mail, pid: getpid()).text
      if let problem = write(Array(mail.rendered(from: from).utf8), into: newFolder, name: name) {
        problems.append(problem)
      } else {
        names.append(name)
      }
    }
    _ = POSIXFile.syncDirectory(newFolder)
    return (names, problems)
  }

  /// Creates the maildir folders (and `failed/`) when missing, durably.
  func prepare() -> String? {
    for sub in ["", "/tmp", "/new", "/cur", "/failed"] {
      if let problem = directory.makeFolder(path + sub) { return problem }
    }
    return nil
  }

  /// Writes `bytes` to `tmp/`, syncs them and renames the file to `folder/name`; nil when done.
  func write(_ bytes: [UInt8], into folder: String, name: String) -> String? {
    let temporary = path + "/tmp/" + name + ".\(getpid()).\(UUID().uuidString.prefix(8))"
    let final = folder + "/" + name
    let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o600)
    guard fd >= 0 else { return "\(temporary): cannot write: \(POSIXFile.errnoText())" }
    directory.adopt(descriptor: fd)
    var done = 0
    while done < bytes.count {
      let wrote = bytes.withUnsafeBytes { raw in
        Glibc.write(fd, raw.baseAddress.map { $0 + done }, raw.count - done)
      }
      if wrote < 0 && errno == EINTR { continue }
      if wrote <= 0 {
        let reason = POSIXFile.errnoText()
        close(fd)
        unlink(temporary)
        return "\(temporary): cannot write: \(reason)"
      }
      done += wrote
    }
    fsync(fd)
    close(fd)
    if rename(temporary, final) != 0 {
      let reason = POSIXFile.errnoText()
      unlink(temporary)
      return "\(final): cannot write: \(reason)"
    }
    return nil
  }

  /// The entries of a folder that are messages (no dot files).
  func names(in folder: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
      .filter { !$0.hasPrefix(".") }.sorted()
  }
}

extension FileStore {
  /// The outbox of this store's data directory, with the store's environment.
  public var outbox: Outbox { Outbox(directory: directory.path, environment: options.environment) }

  /// Posts the notifications of a committed order transaction to the outbox, to be delivered
  /// after the commit; a message that cannot be written becomes a warning. The ledger is the
  /// truth: the commit stands either way.
  func postOrderMail(_ transaction: Transaction) {
    let (names, problems) = outbox.post(orderMailOf: transaction, book: state.orders)
    posted += names
    warnings += problems
  }
}

import Foundation
import Glibc
import StockroomDomain

/// What one delivery pass did, by message name.
public struct DeliveryReport: Sendable, Equatable {
  public var delivered: [String] = []
  public var failed: [String] = []
  /// Messages still waiting: no sendmail, another process sending them, or not tried after a
  /// sendmail that hung.
  public var waiting: [String] = []
  /// One line per failure, for a warning.
  public var problems: [String] = []

  public init() {}
}

extension Outbox {
  /// Hands every message waiting in `new/` to the sendmail program, `first` (this process's
  /// own) before the rest, oldest first. Each message is claimed with an exclusive `flock`, so
  /// two processes never send one twice; a message another process holds is left to it. A
  /// delivered message moves to `cur/`; a failure is noted in `failed/` and the message stays.
  /// The pass stops at the first sendmail that runs out of time: the rest wait for the next.
  public func deliver(first: [String] = []) -> DeliveryReport {
    var report = DeliveryReport()
    let waiting = names(in: newFolder)
    let own = first.filter { waiting.contains($0) }
    let order = own + waiting.filter { !own.contains($0) }
    guard let program = sendmail, !order.isEmpty else {
      report.waiting = order
      return report
    }
    if let problem = prepare() {
      report.waiting = order
      report.problems = [problem]
      return report
    }
    let sender = Sendmail(
      program: program, environment: environment, timeout: timeout, scratch: path + "/tmp")
    var stopped = false
    var untried = 0
    for name in order {
      if stopped { untried += 1 }
      guard !stopped, let claim = claim(name) else {
        report.waiting.append(name)
        continue
      }
      defer { close(claim) }
      switch sender.send(newFolder + "/" + name) {
      case .sent:
        if let problem = markDelivered(name) {
          report.problems.append(problem)
        }
        report.delivered.append(name)
      case .failed(let reason, let timedOut):
        noteFailure(name, reason: reason)
        report.failed.append(name)
        report.problems.append(
          "\(reason); the message stays in the outbox (\(newFolder)/\(name))")
        stopped = timedOut
      }
    }
    if untried > 0 {
      report.problems.append(
        TextRules.counted(untried, "more message") + " left in the outbox for the next try")
    }
    return report
  }

  /// An open descriptor holding the exclusive lock of a message still in `new/`, or nil when
  /// another process holds it or it has gone.
  private func claim(_ name: String) -> Int32? {
    let file = newFolder + "/" + name
    let fd = open(file, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    var held = stat()
    var there = stat()
    guard flock(fd, LOCK_EX | LOCK_NB) == 0, fstat(fd, &held) == 0, stat(file, &there) == 0,
      held.st_ino == there.st_ino, held.st_dev == there.st_dev
    else {
      close(fd)
      return nil
    }
    return fd
  }

  /// Moves a sent message to `cur/` flagged passed and drops its failure note.
  private func markDelivered(_ name: String) -> String? {
    if rename(newFolder + "/" + name, curFolder + "/" + name + ":2,P") != 0 {
      return "\(newFolder)/\(name): sent, but could not be moved to cur/ "
        + "(\(POSIXFile.errnoText())); it will be sent again"
    }
    _ = POSIXFile.syncDirectory(curFolder)
    _ = POSIXFile.syncDirectory(newFolder)
    unlink(failedFolder + "/" + name)
    return nil
  }

  /// Records a failed try in `failed/NAME`: the count of tries so far and the reason.
  private func noteFailure(_ name: String, reason: String) {
    let attempts = (failureNote(name)?.attempts ?? 0) + 1
    let text = "attempts \(attempts)\nerror \(reason.replacingOccurrences(of: "\n", with: " "))\n"
    if write(Array(text.utf8), into: failedFolder, name: name) == nil {
      _ = POSIXFile.syncDirectory(failedFolder)
    }
  }

  /// The failure note of a message, if its last try failed.
  func failureNote(_ name: String) -> (attempts: Int, error: String)? {
    guard let text = try? String(contentsOfFile: failedFolder + "/" + name, encoding: .utf8)
    else { return nil }
    var attempts = 1
    var error = ""
    for line in text.split(separator: "\n") {
      if line.hasPrefix("attempts ") { attempts = Int(line.dropFirst(9)) ?? attempts }
      if line.hasPrefix("error ") { error = String(line.dropFirst(6)) }
    }
    return (attempts, error)
  }
}

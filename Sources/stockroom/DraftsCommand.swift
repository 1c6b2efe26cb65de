import ArgumentParser
import Foundation
import StockroomDomain
import StockroomStore
import Wizards

/// `stockroom drafts`: the current user's saved wizard drafts, listed or discarded.
struct DraftsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "drafts", abstract: "List or discard your saved wizard drafts.",
    discussion: HelpExamples.discussion(
      examples: "stockroom drafts", "stockroom drafts discard 3f9a0c12b7e4 --yes"),
    subcommands: [DraftsList.self, DraftsDiscard.self], defaultSubcommand: DraftsList.self)

  /// The user's drafts folder (exit 4 when the data directory is refused).
  static func files(_ global: GlobalOptions) -> DraftFiles {
    do {
      return try DraftFiles(dataDirectory: global.resolvedDataDirectory(), create: false)
    } catch {
      StoreCommands.fail(error)
    }
  }

  /// Every readable draft of this user, newest first.
  static func drafts(_ files: DraftFiles) -> [Draft] {
    files.list().compactMap { Draft.decode($0.data) }.filter { $0.uid == files.uid }
      .sorted { $0.updatedAt > $1.updatedAt }
  }

  /// The drafts of this user's folder that cannot be resumed (an older format), with why.
  static func refused(_ files: DraftFiles) -> [(id: String, title: String, reason: String)] {
    files.list().compactMap { file in
      guard case .refused(let id, let title, let reason) = Draft.read(file.data) else { return nil }
      return (id ?? file.id, title, reason)
    }
  }
}

/// `stockroom drafts [list] [--json]`.
struct DraftsList: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: "List your drafts (newest first).",
    discussion: HelpExamples.discussion(examples: "stockroom drafts list --json"))

  @OptionGroup var global: GlobalOptions
  @Flag(help: "Print JSON Lines.") var json = false

  func run() throws {
    let files = DraftsCommand.files(global)
    let drafts = DraftsCommand.drafts(files)
    let refused = DraftsCommand.refused(files)
    var out = OutputBuffer()
    if json {
      for draft in drafts {
        let wizard = draft.wizard
        out.line(
          JSONText.object([
            ("id", JSONText.string(draft.id)), ("user", JSONText.string(draft.user)),
            ("uid", "\(draft.uid)"), ("createdAt", JSONText.string(draft.createdAt)),
            ("updatedAt", JSONText.string(draft.updatedAt)),
            (
              "screens",
              "[" + draft.breadcrumb.map { JSONText.string($0) }.joined(separator: ",") + "]"
            ),
            ("position", JSONText.string(draft.position)), ("format", "\(draft.format)"),
            ("wizard", JSONText.string(wizard.kind)), ("step", wizard.step.text),
            ("control", wizard.control?.text ?? "null"), ("answers", wizard.record.text),
            ("resumable", "true"), ("refusal", "null"),
          ]))
      }
      for draft in refused {
        out.line(
          JSONText.object([
            ("id", JSONText.string(draft.id)), ("resumable", "false"),
            ("refusal", JSONText.string(draft.reason)),
          ]))
      }
      out.flush()
      return
    }
    if drafts.isEmpty && refused.isEmpty {
      out.line("No drafts.")
    }
    for draft in drafts {
      out.line("\(draft.id)  \(draft.updatedAt)  \(TextRules.neutralised(draft.title))")
    }
    for draft in refused {
      out.line("\(draft.id)  cannot be resumed: \(TextRules.neutralised(draft.reason))")
    }
    out.flush()
  }
}

/// `stockroom drafts discard ID --yes`.
struct DraftsDiscard: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "discard", abstract: "Delete one of your drafts.",
    discussion: HelpExamples.discussion(examples: "stockroom drafts discard 3f9a0c12b7e4 --yes"))

  @OptionGroup var global: GlobalOptions
  @Argument(help: "The draft ID (12 hex digits, from `stockroom drafts`).") var id: String
  @Flag(help: "Delete it (without --yes, only say what would be deleted).") var yes = false

  func validate() throws {
    guard DraftFiles.isValidIdentifier(id) else {
      throw ValidationError("not a draft ID: \(TextRules.neutralised(String(id.prefix(40))))")
    }
  }

  func run() throws {
    let files = DraftsCommand.files(global)
    let title: String
    if let draft = DraftsCommand.drafts(files).first(where: { $0.id == id }) {
      title = draft.title
    } else if let draft = DraftsCommand.refused(files).first(where: { $0.id == id }) {
      title = draft.title.isEmpty ? "a draft of an older format" : draft.title
    } else {
      StoreCommands.unknown("draft", id)
    }
    guard yes else {
      print("Would discard draft \(id): \(TextRules.neutralised(title)).")
      print("Nothing written; add --yes to commit.")
      return
    }
    do {
      try files.remove(id: id)
    } catch {
      StoreCommands.fail(error)
    }
    print("Discarded draft \(id).")
  }
}

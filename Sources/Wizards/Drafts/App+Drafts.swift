import Foundation

/// How the runtime keeps and reopens drafts: the wizard on top that holds
/// answers is written down by name, and a draft reopens it above home.
extension App {
  /// The topmost wizard with answers a draft should keep, if any.
  public var draftableScreen: (any DraftableScreen)? {
    draftableIndex.flatMap { stack[$0] as? any DraftableScreen }
  }

  private var draftableIndex: Int? {
    stack.indices.dropFirst().last { index in
      (stack[index] as? any DraftableScreen)?.hasAnswers ?? false
    }
  }

  /// The draft of the app as it stands, or nil when nothing needs keeping.
  public func draft(
    id: String, user: String, uid: UInt32, createdAt: String, updatedAt: String
  ) -> Draft? {
    guard let index = draftableIndex, let screen = stack[index] as? any DraftableScreen,
      let wizard = screen.wizardDraft
    else { return nil }
    let breadcrumb = stack[...index].map(\.title)
    return Draft(
      id: id, user: user, uid: uid, createdAt: createdAt, updatedAt: updatedAt,
      breadcrumb: breadcrumb, position: screen.position, wizard: wizard)
  }

  /// Opens `draft`'s wizard above home, checked against the store as it is
  /// now; when some answers could not be kept, a notice over it says which.
  public mutating func resume(_ draft: Draft) -> WizardRestoreError? {
    switch WizardCatalog.open(draft.wizard, context: context) {
    case .failure(let error):
      return error
    case .success(let opened):
      stack.removeSubrange(1...)
      carryOut(.push(opened.screen))
      if !opened.changes.isEmpty {
        carryOut(.push(ResumeNotice(message: opened.changes.joined(separator: "; "))))
      }
      return nil
    }
  }
}

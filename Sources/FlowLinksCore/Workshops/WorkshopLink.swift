/// The workshop a session belongs to, as the engine needs it: its name for messages and the
/// organizations and initiatives it offers as choices.
public struct WorkshopLink: Equatable, Codable, Sendable {
    public var id: Int64
    public var code: String
    public var name: String
    /// When not empty, the organization question offers these as choices.
    public var organizations: [String]
    /// When not empty, the initiative question offers these as choices.
    public var initiatives: [String]

    public init(id: Int64, code: String, name: String, organizations: [String] = [], initiatives: [String] = []) {
        self.id = id
        self.code = code
        self.name = name
        self.organizations = organizations
        self.initiatives = initiatives
    }
}

/// Whether a person answers as a member of the organization or as one of its community partners.
public enum Perspective: String, Codable, Sendable, CaseIterable {
    case member, partner

    /// The step that asks it; its answer's option id is the perspective.
    public static let stepID: StepID = "perspective"

    /// The perspective chosen in these answers, if any.
    public init?(answers: [StepID: Answer]) {
        guard let id = answers[Self.stepID]?.optionID, let perspective = Perspective(rawValue: id) else { return nil }
        self = perspective
    }
}

/// Which version of the script a session runs: its workshop and, once chosen, its perspective.
public struct WorkshopScope: Equatable, Sendable {
    public var link: WorkshopLink
    public var perspective: Perspective?

    public init(link: WorkshopLink, perspective: Perspective?) {
        self.link = link
        self.perspective = perspective
    }

    /// The scope of a session's state; `nil` outside a workshop.
    init?(_ state: SessionState) {
        guard let link = state.workshop else { return nil }
        self.link = link
        self.perspective = Perspective(answers: state.answers)
    }
}

/// Work on workshops a turn asks the store to do, since it needs the database.
public enum WorkshopRequest: Equatable, Sendable {
    /// Find the workshop with this code, then call `Engine.join(_:after:now:)`.
    case join(WorkshopCode)
    /// Take the conversation's sessions out of this workshop, then start a new session.
    case leave(workshopID: Int64)
    /// Work out the session's team view, then call `Engine.showTeam(_:in:now:)`.
    case team
}

/// What the store found for a join code.
public enum WorkshopLookup: Equatable, Sendable {
    case open(WorkshopLink)
    case closed(name: String)
    case unknown(WorkshopCode)
}

/// One finished session of a workshop, as the team view reads it.
public struct WorkshopAnswers: Sendable, Equatable {
    public var sessionID: Int64
    public var answers: [StepID: Answer]

    public init(sessionID: Int64, answers: [StepID: Answer]) {
        self.sessionID = sessionID
        self.answers = answers
    }

    public var perspective: Perspective? { Perspective(answers: answers) }
}

/// An organization and initiative, compared without regard to letter case or spaces.
public struct TeamKey: Hashable, Sendable, Comparable {
    public let organization: String
    public let initiative: String

    public init(organization: String, initiative: String) {
        self.organization = Self.comparable(organization)
        self.initiative = Self.comparable(initiative)
    }

    /// Lower case, without any spaces: "Parent  Cafe" and "parentcafe" are one initiative.
    public static func comparable(_ name: String) -> String { name.lowercased().filter { !$0.isWhitespace } }

    public static func < (lhs: TeamKey, rhs: TeamKey) -> Bool {
        (lhs.organization, lhs.initiative) < (rhs.organization, rhs.initiative)
    }
}

/// Where one organization + initiative stands in a workshop: each member's and partner's level
/// per row of the chart, the team's middle level and spread, the flags a facilitator can act on,
/// a team recommendation and questions for the discussion. Rules: `docs/scoring.md`.
public struct TeamView: Sendable {
    public let key: TeamKey
    /// The names as first written.
    public let organization: String
    public let initiative: String
    public let members: [TeamPerson]
    public let partners: [TeamPerson]
    public let dimensions: [TeamDimension]
    public let flags: [TeamFlag]
    /// By the same rules as one session, from the members' middle answers; `nil` without members.
    public let recommendation: TeamRecommendation?
    public let discussion: [String]
    /// Where the team moved since the workshop this one follows; empty without one.
    public internal(set) var movement: [TeamMovement] = []

    /// Everyone who answered, members and partners.
    public var people: Int { members.count + partners.count }

    public func dimension(_ dimension: EngagementDimension) -> TeamDimension? {
        dimensions.first { $0.dimension == dimension }
    }
}

/// One person's answers as the team view counts them (facilitators only; never shown with names).
public struct TeamPerson: Sendable, Equatable {
    public let sessionID: Int64
    public let perspective: Perspective
    /// The level of each row: the highest level of the chosen cell.
    public let levels: [EngagementDimension: EngagementLevel]
    public let desired: EngagementLevel?
    /// Option ids of the benefit and shared-goals answers (members only).
    public let benefit: String?
    public let sharedGoals: String?
    public let wordsLevel: EngagementLevel?
}

/// One row of the chart for a team.
public struct TeamDimension: Sendable, Equatable {
    public let dimension: EngagementDimension
    /// Lowest first.
    public let memberLevels: [EngagementLevel]
    public let partnerLevels: [EngagementLevel]
    /// The members' middle level: the median, the lower of the two middle ones for an even count.
    public let middle: EngagementLevel?
    public let partnerMiddle: EngagementLevel?
    /// Levels between the members' lowest and highest answers (0 when they agree).
    public let spread: Int
    public let flags: [TeamFlag]
}

/// A difference a facilitator can act on.
public enum TeamFlag: Hashable, Sendable {
    /// Members two or more levels apart on a row.
    case membersApart(EngagementDimension)
    /// The members' middle level above what partners experience (the words-and-actions question).
    case partnersBelow(EngagementDimension)
    /// Members' desired levels two or more apart.
    case desiredApart
    /// Members gave different answers on benefit, or on shared goals.
    case benefitMixed
    case sharedGoalsMixed

    /// The flag's name in exports.
    public var name: String {
        switch self {
        case .membersApart: "members_apart"
        case .partnersBelow: "partners_below"
        case .desiredApart: "desired_apart"
        case .benefitMixed: "benefit_mixed"
        case .sharedGoalsMixed: "shared_goals_mixed"
        }
    }
}

/// The team's recommendation and the reasoning behind it, line by line.
public struct TeamRecommendation: Sendable, Equatable {
    public let recommendation: Recommendation
    public let reasoning: [String]
}

/// A row's middle level in the earlier workshop and now.
public struct TeamMovement: Sendable, Equatable {
    public let dimension: EngagementDimension
    public let before: EngagementLevel
    public let now: EngagementLevel

    /// Levels moved: positive up the chart, negative down.
    public var change: Int { now.rawValue - before.rawValue }
}

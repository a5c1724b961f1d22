/// The workshop content of `Prompts/workshop.yaml`: the requests people send, the perspective
/// question, the partner version of the questions and the words of the team view.
public struct WorkshopContent: Sendable {
    /// Normalized words of each request ("join", "leave", "team", and "start" for deep links).
    public let requestWords: [WorkshopRequestKind: [String]]
    /// The member-or-partner question; its options' ids are `Perspective` raw values.
    public let perspectiveStep: Step
    /// The partner version of the questions, in order.
    public let partnerSteps: [Step]
    public let messages: [WorkshopMessageKey: Template]
    public let rules: TeamRules
    /// "no one", "one", "two"…: numbers written as words, from 0.
    public let numberWords: [String]
    public let andWord: String
    public let discussion: [DiscussionKey: Template]
    /// The guide's own questions, used when the flags give too few.
    public let generalQuestions: [Template]
    public let reasoning: [ReasoningKey: Template]

    public func message(_ key: WorkshopMessageKey) -> Template { messages[key] ?? Template("") }

    /// A number as a word when there is one ("two"), else in digits.
    public func number(_ count: Int) -> String {
        numberWords.indices.contains(count) ? numberWords[count] : String(count)
    }
}

/// The requests about workshops a person can send at any point.
public enum WorkshopRequestKind: String, CaseIterable, Sendable {
    case join, start, leave, team
}

/// When a team view is shown to participants, and when a difference is flagged.
public struct TeamRules: Sendable, Equatable {
    /// Aggregates shown to participants cover at least this many people.
    public let minimumPeople: Int
    /// Members (or desired levels) this many levels apart are flagged.
    public let levelsApart: Int
    /// Partners' middle level this many levels below the members' is flagged.
    public let partnersBelow: Int
    /// The most discussion questions; at least three are always given.
    public let questions: Int
}

/// The messages of `workshop.yaml`'s `messages:`.
public enum WorkshopMessageKey: String, CaseIterable, Sendable {
    case joined
    case alreadyJoined = "already_joined"
    case unknownCode = "unknown_code"
    case closed
    case needsCode = "needs_code"
    case left
    case notInWorkshop = "not_in_workshop"
    case chatJoin = "chat_join"
    case partnerThanks = "partner_thanks"
    case partnerDone = "partner_done"
    case teamUnfinished = "team_unfinished"
    case teamTooFew = "team_too_few"
    case teamHeading = "team_heading"
    case teamDimension = "team_dimension"
    case teamDimensionHidden = "team_dimension_hidden"
    case teamPartners = "team_partners"
    case teamPartnersHidden = "team_partners_hidden"
    case teamRecommendation = "team_recommendation"

    /// The placeholders the message may use.
    public var placeholders: Set<String> {
        switch self {
        case .joined, .alreadyJoined, .closed, .left: ["workshop"]
        case .unknownCode, .chatJoin: ["code"]
        case .partnerThanks: ["organization", "initiative"]
        case .partnerDone: ["initiative", "workshop"]
        case .teamTooFew: ["initiative", "minimum", "count"]
        case .teamHeading: ["initiative", "organization", "members", "partners"]
        case .teamDimension: ["dimension", "middle", "lowest", "highest"]
        case .teamDimensionHidden: ["dimension", "minimum"]
        case .teamPartners: ["dimension", "middle"]
        case .teamPartnersHidden: ["minimum"]
        case .teamRecommendation: ["level"]
        case .needsCode, .notInWorkshop, .teamUnfinished: []
        }
    }
}

/// The templates of `workshop.yaml`'s `discussion:`.
public enum DiscussionKey: String, CaseIterable, Sendable {
    case groupFirst = "group_first"
    case groupFirstOne = "group_first_one"
    case groupMore = "group_more"
    case membersApart = "members_apart"
    case partnersBelow = "partners_below"
    case desiredApart = "desired_apart"
    case benefitMixed = "benefit_mixed"
    case sharedGoalsMixed = "shared_goals_mixed"

    public var placeholders: Set<String> {
        switch self {
        case .groupFirst, .groupFirstOne: ["count", "dimension", "level"]
        case .groupMore: ["count", "level"]
        case .membersApart: ["groups"]
        case .partnersBelow: ["dimension", "members", "partners"]
        case .desiredApart: ["lowest", "highest"]
        case .benefitMixed, .sharedGoalsMixed: ["initiative", "answers"]
        }
    }
}

/// The templates of `workshop.yaml`'s `reasoning:`.
public enum ReasoningKey: String, CaseIterable, Sendable {
    case middleChoice = "middle_choice"
    case middleLevel = "middle_level"
    case overall
    case recommended
    /// What the reasoning calls the questions it quotes.
    case benefitName = "benefit_name"
    case sharedGoalsName = "shared_goals_name"
    case desiredName = "desired_name"
    case wordsName = "words_name"

    public var placeholders: Set<String> {
        switch self {
        case .middleChoice: ["question", "answer", "answers"]
        case .middleLevel: ["question", "level", "levels"]
        case .overall: ["current"]
        case .recommended: ["recommended", "desired", "ceiling"]
        case .benefitName, .sharedGoalsName, .desiredName, .wordsName: []
        }
    }
}

/// The whole conversation content, loaded from `Prompts/` and validated.
public struct Script: Sendable {
    /// The declared version plus a fingerprint of the files, stored with every session.
    public let version: String
    public let welcome: String
    public let steps: [Step]
    public let chart: Chart
    public let language: Language
    /// The yes / no that confirms a restart, an erasure or a reading.
    let confirmation: YesNoQuestion
    public let scoring: ScoringRules
    public let actions: ActionCatalog
    public let result: ResultTemplates
    /// Workshops: the perspective question, the partner version of the questions, the team view's words.
    public let workshop: WorkshopContent
    /// The steps of `script.yaml`, which a workshop's member version starts from.
    let memberSteps: [Step]
    /// The workshop and perspective this version of the script is for; `nil` for `script.yaml`'s own.
    public internal(set) var scope: WorkshopScope? = nil
    /// The same content in other languages (from `Prompts/<code>/`), by language code.
    public internal(set) var translations: [String: Script] = [:]

    /// The step with this id, if the script has one.
    public func step(_ id: StepID) -> Step? { steps.first { $0.id == id } }

    /// The step that plays this role; for `.current`, the one for the dimension.
    public func step(for role: StepRole, dimension: EngagementDimension? = nil) -> Step? {
        steps.first { $0.role == role && (dimension == nil || $0.dimension == dimension) }
    }

    /// Position of a step in the script, from 0.
    func index(of id: StepID) -> Int? { steps.firstIndex { $0.id == id } }
}

/// The yes / no of a confirmation ("Start over?"), read like any choice question.
struct YesNoQuestion: Sendable {
    let options: [AnswerOption]
    let vocabulary: ChoiceVocabulary

    init(language: Language) {
        let yes = language.message(.confirmYes).render()
        let no = language.message(.confirmNo).render()
        options = [
            AnswerOption(id: "yes", label: yes, shortLabel: yes, meaning: .yes, words: [], levels: nil),
            AnswerOption(id: "no", label: no, shortLabel: no, meaning: .no, words: [], levels: nil),
        ]
        vocabulary = ChoiceVocabulary(options: options, language: language)
    }
}

/// A step's stable identifier; answers are stored under it.
public typealias StepID = String

/// What the recommendation reads from a step.
public enum StepRole: String, CaseIterable, Codable, Sendable {
    case organization, initiative, benefit, desired, words, current
    case sharedGoals = "shared_goals"
    case wordsLevel = "words_level"
}

/// One question of the conversation.
public struct Step: Sendable {
    public enum Kind: String, Sendable { case text, choice }

    public let id: StepID
    public let kind: Kind
    public let role: StepRole?
    /// The chart row a `.current` step asks about.
    public let dimension: EngagementDimension?
    public let required: Bool
    public let question: String
    public let note: String?
    public let why: String
    public let options: [AnswerOption]
    /// The options' words, stemmed and indexed once, for reading replies.
    let vocabulary: ChoiceVocabulary
    /// Steps whose changed answer means this one is asked again.
    public internal(set) var dependsOn: [StepID]
    /// This step is passed over when that step was skipped.
    public let askIfAnswered: StepID?
    /// A choice stored as its label's text (a workshop's list of organizations or initiatives),
    /// so answers read and group like typed ones.
    public internal(set) var storesChoiceAsText = false

    public func option(_ id: String) -> AnswerOption? { options.first { $0.id == id } }
}

/// A choice of a choice step.
public struct AnswerOption: Sendable, Equatable {
    public let id: String
    /// The full text shown in a numbered list.
    public let label: String
    /// A short form for buttons with tight limits.
    public let shortLabel: String
    public let meaning: AnswerMeaning?
    /// Other ways people say it, normalized, from `words` in `Prompts/`.
    public let words: [String]
    /// The levels this option stands for, on level and chart questions.
    public let levels: LevelSpan?
    /// Names that pick it on their own: the level names and keys of a level or chart cell.
    let names: [String]
    /// The sentences of its wording, recognized when a reply says most of one.
    let sentences: [String]

    public init(
        id: String, label: String, shortLabel: String, meaning: AnswerMeaning?, words: [String], levels: LevelSpan?,
        names: [String] = [], sentences: [String]? = nil
    ) {
        self.id = id
        self.label = label
        self.shortLabel = shortLabel
        self.meaning = meaning
        self.words = words
        self.levels = levels
        self.names = names
        self.sentences = sentences ?? [label]
    }
}

/// The chart: level names and each dimension's cells.
public struct Chart: Sendable {
    public struct Level: Sendable {
        public let level: EngagementLevel
        public let key: String
        public let name: String
        public let summary: String
        public let words: [String]
    }

    public struct Cell: Sendable {
        public let id: String
        public let levels: LevelSpan
        public let text: String
        public let words: [String]
    }

    public struct Row: Sendable {
        public let dimension: EngagementDimension
        public let name: String
        public let title: String
        public let cells: [Cell]

        /// The cell that describes a level on this row.
        public func cell(at level: EngagementLevel) -> Cell? { cells.first { $0.levels.contains(level) } }
    }

    public let levels: [Level]
    public let rows: [Row]

    public func name(of level: EngagementLevel) -> String {
        levels.first { $0.level == level }?.name ?? String(level.rawValue)
    }

    public func summary(of level: EngagementLevel) -> String {
        levels.first { $0.level == level }?.summary ?? ""
    }

    /// "Consulting", or "Independent to Consulting" for a shared cell.
    public func name(of span: LevelSpan) -> String {
        span.lowest == span.highest ? name(of: span.lowest) : "\(name(of: span.lowest))–\(name(of: span.highest))"
    }

    public func row(_ dimension: EngagementDimension) -> Row? { rows.first { $0.dimension == dimension } }
}

/// Thresholds of the recommendation, from `Prompts/scoring.yaml`.
public struct ScoringRules: Sendable {
    /// Highest fitting level by benefit option id, then shared-goals option id.
    public let fitCeiling: [String: [String: EngagementLevel]]
    public let wordsGapFlag: Int
    /// Normalized phrases that suggest the level a team's words convey.
    public let wordsHints: [EngagementLevel: [String]]
    /// `wordsHints`, each split into its words once.
    let hintPhrases: [EngagementLevel: [[String]]]

    init(fitCeiling: [String: [String: EngagementLevel]], wordsGapFlag: Int, wordsHints: [EngagementLevel: [String]]) {
        self.fitCeiling = fitCeiling
        self.wordsGapFlag = wordsGapFlag
        self.wordsHints = wordsHints
        self.hintPhrases = wordsHints.mapValues { $0.map(TextNormalizer.words) }
    }
}

/// Next actions per dimension and level, and actions that sustain a dimension.
public struct ActionCatalog: Sendable {
    public let next: [EngagementDimension: [EngagementLevel: [String]]]
    public let sustain: [EngagementDimension: [String]]

    public func toReach(_ level: EngagementLevel, on dimension: EngagementDimension) -> [String] {
        next[dimension]?[level] ?? []
    }
}

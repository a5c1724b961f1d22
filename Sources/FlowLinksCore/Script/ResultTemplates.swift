/// The sentences of the result, as keys of `Prompts/result.yaml` (nested keys joined by ".").
public enum ResultTemplateKey: String, CaseIterable, Sendable {
    case intro
    case recommendation
    case today
    case fitMatches = "fit.matches"
    case fitOpportunity = "fit.opportunity"
    case fitCapped = "fit.capped"
    case dimensionNext = "dimension_next"
    case dimensionSustain = "dimension_sustain"
    case actionLine = "action_line"
    case wordsOverpromising = "words.overpromising"
    case wordsUnderselling = "words.underselling"
    case wordsAligned = "words.aligned"
    /// Words and actions one level apart: under the gap that is flagged, yet not the same level.
    case wordsClose = "words.close"
    case wordsNotAssessed = "words.not_assessed"
    case closing

    /// The placeholders this template may use.
    public var placeholders: Set<String> {
        let fit: Set<String> = ["desired", "recommended", "ceiling", "benefit", "shared_goals"]
        let words: Set<String> = ["words_level", "words", "current"]
        return switch self {
        case .intro: ["initiative", "organization"]
        case .recommendation: ["recommended", "recommended_summary", "initiative"]
        case .today: ["initiative", "current", "communication", "resources", "decisions"]
        case .fitMatches, .fitOpportunity, .fitCapped: fit
        case .dimensionNext: ["dimension", "current", "answer", "next", "actions", "recommended"]
        case .dimensionSustain: ["dimension", "current", "answer", "actions", "recommended"]
        case .actionLine: ["action"]
        case .wordsOverpromising, .wordsUnderselling, .wordsAligned, .wordsClose: words
        case .wordsNotAssessed: []
        case .closing: ["initiative"]
        }
    }
}

/// The result's templates.
public struct ResultTemplates: Sendable {
    public let templates: [ResultTemplateKey: Template]

    public subscript(key: ResultTemplateKey) -> Template { templates[key] ?? Template("") }
}

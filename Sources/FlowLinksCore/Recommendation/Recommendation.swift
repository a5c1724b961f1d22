/// The recommended level of engagement and what follows from it, computed from the answers.
public struct Recommendation: Equatable, Codable, Sendable {
    /// How the desired level relates to what fits the initiative.
    public enum Fit: String, Codable, Sendable {
        /// The desired level is what fits.
        case matches
        /// More would fit than the team wants: an opportunity, not a verdict.
        case opportunity
        /// The team wants more than fits now; the recommendation is capped.
        case capped
    }

    /// How the level the team's words convey compares with its actions.
    public enum WordsCheck: String, Codable, Sendable {
        case aligned, overpromising, underselling
        /// The words question was skipped.
        case notAssessed = "not_assessed"
    }

    /// Where one dimension is today and what to do next.
    public struct DimensionAdvice: Equatable, Codable, Sendable {
        public let dimension: EngagementDimension
        public let current: LevelSpan
        /// One level up toward the recommendation; `nil` when the dimension is at or above it.
        public let next: EngagementLevel?
        public let actions: [String]
        /// The step whose answer placed the dimension.
        public let source: StepID

        public var sustains: Bool { next == nil }
    }

    public let overallCurrent: EngagementLevel
    public let fitCeiling: EngagementLevel
    public let desired: EngagementLevel
    public let recommended: EngagementLevel
    public let fit: Fit
    public let dimensions: [DimensionAdvice]
    public let wordsLevel: EngagementLevel?
    public let wordsCheck: WordsCheck

    public func advice(for dimension: EngagementDimension) -> DimensionAdvice? {
        dimensions.first { $0.dimension == dimension }
    }
}

/// A finished session's result: the recommendation and the parts of the message, each citing
/// the steps whose answers it quotes.
public struct SessionResult: Equatable, Codable, Sendable {
    public struct Part: Equatable, Codable, Sendable {
        public let text: String
        public let cites: [StepID]
    }

    public let recommendation: Recommendation
    public let parts: [Part]
}

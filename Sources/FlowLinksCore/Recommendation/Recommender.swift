/// Turns a session's answers into a recommendation, by the rules in `docs/scoring.md` and the
/// thresholds in `Prompts/scoring.yaml`. Deterministic and free of I/O.
public struct Recommender: Sendable {
    public let script: Script

    public init(script: Script) { self.script = script }

    /// The recommendation, or `nil` while a required answer is missing.
    public func recommend(from answers: [StepID: Answer]) -> Recommendation? {
        guard let benefit = chosenOption(.benefit, answers), let shared = chosenOption(.sharedGoals, answers),
            let desired = chosenLevels(script.step(for: .desired), answers)?.highest,
            let fitCeiling = script.scoring.fitCeiling[benefit]?[shared]
        else { return nil }
        var spans: [(EngagementDimension, LevelSpan, StepID)] = []
        for dimension in EngagementDimension.allCases {
            guard let step = script.step(for: .current, dimension: dimension),
                let span = chosenLevels(step, answers)
            else { return nil }
            spans.append((dimension, span, step.id))
        }
        // why: a cell covering several levels is consistent with all of them, so a dimension
        // reaches the highest level of its cell; overall is what all dimensions reach together.
        let overall = spans.map(\.1.highest).min() ?? .independent
        let recommended = min(desired, fitCeiling)
        let fit: Recommendation.Fit = desired > fitCeiling ? .capped : (fitCeiling > desired ? .opportunity : .matches)
        let dimensions = spans.map { dimension, span, source in
            advise(dimension, current: span, toward: recommended, source: source)
        }
        let wordsLevel = chosenLevels(script.step(for: .wordsLevel), answers)?.highest
        return Recommendation(
            overallCurrent: overall, fitCeiling: fitCeiling, desired: desired, recommended: recommended, fit: fit,
            dimensions: dimensions, wordsLevel: wordsLevel, wordsCheck: checkWords(wordsLevel, against: overall))
    }

    /// One level up from today toward the target, never a jump; sustain at or above it.
    func advise(
        _ dimension: EngagementDimension, current: LevelSpan, toward target: EngagementLevel, source: StepID
    ) -> Recommendation.DimensionAdvice {
        if current.highest >= target {
            return .init(
                dimension: dimension, current: current, next: nil, actions: script.actions.sustain[dimension] ?? [],
                source: source)
        }
        let next = current.highest.next ?? target
        return .init(
            dimension: dimension, current: current, next: next,
            actions: script.actions.toReach(next, on: dimension), source: source)
    }

    func checkWords(_ words: EngagementLevel?, against actions: EngagementLevel) -> Recommendation.WordsCheck {
        guard let words else { return .notAssessed }
        if words.rawValue - actions.rawValue >= script.scoring.wordsGapFlag { return .overpromising }
        return words < actions ? .underselling : .aligned
    }

    private func chosenOption(_ role: StepRole, _ answers: [StepID: Answer]) -> String? {
        script.step(for: role).flatMap { answers[$0.id]?.optionID }
    }

    private func chosenLevels(_ step: Step?, _ answers: [StepID: Answer]) -> LevelSpan? {
        guard let step, let id = answers[step.id]?.optionID else { return nil }
        return step.option(id)?.levels
    }
}

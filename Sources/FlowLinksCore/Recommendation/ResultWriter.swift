/// Writes a recommendation as message parts that each fit a phone screen and quote the answers
/// they came from.
struct ResultWriter {
    let script: Script

    func write(_ recommendation: Recommendation, answers: [StepID: Answer]) -> SessionResult {
        let wording = AnswerWording(script: script)
        let templates = script.result
        let chart = script.chart
        let initiative = wording.value(of: .initiative, in: answers) ?? ""
        let organization = wording.value(of: .organization, in: answers) ?? ""
        func quote(_ role: StepRole, dimension: EngagementDimension? = nil) -> String {
            let step = script.step(for: role, dimension: dimension)
            return wording.describe(step.flatMap { answers[$0.id] }, for: step)
        }
        func cite(_ roles: [StepRole]) -> [StepID] {
            roles.flatMap { role in script.steps.filter { $0.role == role }.map(\.id) }
        }

        var spans: [String: String] = [:]
        for advice in recommendation.dimensions { spans[advice.dimension.rawValue] = chart.name(of: advice.current) }
        let fitKey: ResultTemplateKey =
            switch recommendation.fit {
            case .matches: .fitMatches
            case .opportunity: .fitOpportunity
            case .capped: .fitCapped
            }
        let summary = [
            templates[.intro].render(["initiative": initiative, "organization": organization]),
            templates[.recommendation].render([
                "recommended": chart.name(of: recommendation.recommended),
                "recommended_summary": chart.summary(of: recommendation.recommended), "initiative": initiative,
            ]),
            templates[.today].render(
                spans.merging(["initiative": initiative, "current": chart.name(of: recommendation.overallCurrent)]) { $1 }),
            templates[fitKey].render([
                "desired": chart.name(of: recommendation.desired),
                "recommended": chart.name(of: recommendation.recommended),
                "ceiling": chart.name(of: recommendation.fitCeiling), "benefit": quote(.benefit),
                "shared_goals": quote(.sharedGoals),
            ]),
        ]
        var parts = [
            SessionResult.Part(
                text: summary.joined(separator: "\n\n"),
                cites: cite([.initiative, .desired, .benefit, .sharedGoals, .current]))
        ]
        for advice in recommendation.dimensions {
            parts.append(
                dimensionPart(
                    advice, recommended: recommendation.recommended, quote: quote(.current, dimension: advice.dimension)))
        }
        parts.append(wordsPart(recommendation, quote: answers[script.step(for: .words)?.id ?? ""]?.text ?? ""))
        parts.append(.init(text: templates[.closing].render(["initiative": initiative]), cites: []))
        return SessionResult(recommendation: recommendation, parts: parts)
    }

    private func dimensionPart(
        _ advice: Recommendation.DimensionAdvice, recommended: EngagementLevel, quote: String
    ) -> SessionResult.Part {
        let chart = script.chart
        let actions = advice.actions.map { script.result[.actionLine].render(["action": $0]) }.joined(separator: "\n")
        var values = [
            "dimension": chart.row(advice.dimension)?.name ?? advice.dimension.rawValue,
            "current": chart.name(of: advice.current), "answer": quote, "actions": actions,
            "recommended": chart.name(of: recommended),
        ]
        let key: ResultTemplateKey
        if let next = advice.next {
            values["next"] = chart.name(of: next)
            key = .dimensionNext
        } else {
            key = .dimensionSustain
        }
        return .init(text: script.result[key].render(values), cites: [advice.source])
    }

    private func wordsPart(_ recommendation: Recommendation, quote: String) -> SessionResult.Part {
        let key: ResultTemplateKey =
            switch recommendation.wordsCheck {
            case .aligned where recommendation.wordsLevel != recommendation.overallCurrent: .wordsClose
            case .aligned: .wordsAligned
            case .overpromising: .wordsOverpromising
            case .underselling: .wordsUnderselling
            case .notAssessed: .wordsNotAssessed
            }
        let values = [
            "words_level": recommendation.wordsLevel.map { script.chart.name(of: $0) } ?? "",
            "words": quote, "current": script.chart.name(of: recommendation.overallCurrent),
        ]
        let cites = script.steps.filter { $0.role == .words || $0.role == .wordsLevel || $0.role == .current }.map(\.id)
        return .init(text: script.result[key].render(values), cites: recommendation.wordsCheck == .notAssessed ? [] : cites)
    }
}

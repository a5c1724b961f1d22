import Foundation

/// A team's recommendation: the members' middle answers run through the same `Recommender` as
/// one session, with a line of reasoning for each middle answer it used.
struct TeamRecommender {
    /// The members' version of the script.
    let script: Script

    func recommend(members: [TeamPerson], dimensions: [TeamDimension]) -> TeamRecommendation? {
        guard let benefitStep = script.step(for: .benefit), let sharedStep = script.step(for: .sharedGoals),
            let desiredStep = script.step(for: .desired)
        else { return nil }
        let benefits = ordered(members.compactMap(\.benefit), on: benefitStep, strength: benefitStrength)
        let shared = ordered(members.compactMap(\.sharedGoals), on: sharedStep, strength: sharedStrength)
        let desired = members.compactMap(\.desired).sorted()
        let words = members.compactMap(\.wordsLevel).sorted()
        guard let benefit = TeamViewBuilder.middle(benefits), let sharedGoal = TeamViewBuilder.middle(shared),
            let wanted = TeamViewBuilder.middle(desired)
        else { return nil }
        let origin = Date(timeIntervalSince1970: 0)
        var answers: [StepID: Answer] = [
            benefitStep.id: Answer(optionID: benefit, answeredAt: origin),
            sharedStep.id: Answer(optionID: sharedGoal, answeredAt: origin),
        ]
        answers[desiredStep.id] = levelAnswer(wanted, on: desiredStep, at: origin)
        for row in dimensions {
            guard let middle = row.middle, let step = script.step(for: .current, dimension: row.dimension) else { return nil }
            answers[step.id] = levelAnswer(middle, on: step, at: origin)
        }
        if let wordsStep = script.step(for: .wordsLevel), let level = TeamViewBuilder.middle(words) {
            answers[wordsStep.id] = levelAnswer(level, on: wordsStep, at: origin)
        }
        guard let recommendation = Recommender(script: script).recommend(from: answers) else { return nil }
        var reasoning = [
            choiceLine(.benefitName, benefit, all: benefits, on: benefitStep),
            choiceLine(.sharedGoalsName, sharedGoal, all: shared, on: sharedStep),
        ]
        for row in dimensions {
            guard let middle = row.middle else { continue }
            reasoning.append(levelLine(script.chart.row(row.dimension)?.name ?? "", middle, all: row.memberLevels))
        }
        reasoning.append(levelLine(text(.desiredName), wanted, all: desired))
        if let level = TeamViewBuilder.middle(words) { reasoning.append(levelLine(text(.wordsName), level, all: words)) }
        let chart = script.chart
        reasoning.append(template(.overall).render(["current": chart.name(of: recommendation.overallCurrent)]))
        reasoning.append(
            template(.recommended).render([
                "recommended": chart.name(of: recommendation.recommended), "desired": chart.name(of: recommendation.desired),
                "ceiling": chart.name(of: recommendation.fitCeiling),
            ]))
        return TeamRecommendation(recommendation: recommendation, reasoning: reasoning)
    }

    /// Option ids ordered by the level they let fit, most cautious first (then as the script lists them).
    private func ordered(_ ids: [String], on step: Step, strength: (String) -> Int) -> [String] {
        let position = Dictionary(uniqueKeysWithValues: step.options.enumerated().map { ($1.id, $0) })
        return ids.sorted { (strength($0), position[$0] ?? 0) < (strength($1), position[$1] ?? 0) }
    }

    /// How high a benefit answer lets the fit go, over every shared-goals answer.
    private func benefitStrength(_ id: String) -> Int {
        script.scoring.fitCeiling[id]?.values.reduce(0) { $0 + $1.rawValue } ?? 0
    }

    private func sharedStrength(_ id: String) -> Int {
        script.scoring.fitCeiling.values.reduce(0) { $0 + ($1[id]?.rawValue ?? 0) }
    }

    private func levelAnswer(_ level: EngagementLevel, on step: Step, at date: Date) -> Answer? {
        step.options.first { $0.levels?.contains(level) == true }.map { Answer(optionID: $0.id, answeredAt: date) }
    }

    private func choiceLine(_ name: ReasoningKey, _ id: String, all: [String], on step: Step) -> String {
        let label = { (id: String) in step.option(id)?.shortLabel ?? id }
        return template(.middleChoice).render([
            "question": text(name), "answer": label(id), "answers": ListWording(script: script).join(all.map(label)),
        ])
    }

    private func levelLine(_ question: String, _ level: EngagementLevel, all: [EngagementLevel]) -> String {
        template(.middleLevel).render([
            "question": question, "level": script.chart.name(of: level),
            "levels": ListWording(script: script).join(all.map { script.chart.name(of: $0) }),
        ])
    }

    private func template(_ key: ReasoningKey) -> Template { script.workshop.reasoning[key] ?? Template("") }

    private func text(_ key: ReasoningKey) -> String { template(key).render() }
}

/// Lists and sentences in the workshop's words: "A, B and C", a capital first letter.
struct ListWording {
    let script: Script

    func join(_ items: [String]) -> String {
        guard let last = items.last else { return "" }
        guard items.count > 1 else { return last }
        return items.dropLast().joined(separator: ", ") + " \(script.workshop.andWord) " + last
    }

    static func capitalized(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }

    /// A name in the middle of a sentence: "Decision-making" → "decision-making".
    static func inSentence(_ name: String) -> String { name.prefix(1).lowercased() + name.dropFirst() }
}

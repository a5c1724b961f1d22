import FlowLinksTesting
import Foundation
import Testing

@testable import FlowLinksCore

/// The recommendation model of `docs/scoring.md`, checked over every possible set of choice answers
/// of the default script, plus a few readable examples.
@Suite struct RecommenderTests {
    let script = DefaultPrompts.script
    var recommender: Recommender { Recommender(script: script) }

    // MARK: - The whole answer space

    @Test func everyCompleteSetOfAnswersGetsARecommendation() throws {
        try AnswerSpace.expectEveryCase { answers, recommendation in
            recommendation.desired == answers.desired && recommendation.wordsLevel == answers.wordsLevel
        }
    }

    @Test func recommendedIsTheDesiredLevelCappedByTheFitCeiling() throws {
        let ceilings = script.scoring.fitCeiling
        try AnswerSpace.expectEveryCase { answers, recommendation in
            guard let ceiling = ceilings[answers.benefit]?[answers.sharedGoals] else { return false }
            return recommendation.fitCeiling == ceiling && recommendation.recommended <= ceiling
                && recommendation.recommended == min(answers.desired, ceiling)
        }
    }

    @Test func fitSaysCappedOpportunityOrMatchesByComparingDesiredWithTheCeiling() throws {
        try AnswerSpace.expectEveryCase { answers, recommendation in
            let ceiling = recommendation.fitCeiling
            return switch recommendation.fit {
            case .capped: answers.desired > ceiling && recommendation.recommended == ceiling
            case .opportunity: answers.desired < ceiling && recommendation.recommended == answers.desired
            case .matches: answers.desired == ceiling && recommendation.recommended == answers.desired
            }
        }
    }

    @Test func overallCurrentIsTheLevelAllThreeRowsReachTogether() throws {
        try AnswerSpace.expectEveryCase { answers, recommendation in
            let highest = EngagementDimension.allCases.compactMap { answers.current[$0]?.levels?.highest }
            let placed = EngagementDimension.allCases.allSatisfy { dimension in
                let advice = recommendation.advice(for: dimension)
                return advice?.current == answers.current[dimension]?.levels
                    && advice?.source == script.step(for: .current, dimension: dimension)?.id
            }
            return placed && highest.count == 3 && recommendation.overallCurrent == highest.min()
        }
    }

    @Test func theSharedResourcesCellNeverPullsOverallBelowConsultingOnItsOwn() throws {
        let resources = try #require(script.step(for: .current, dimension: .resources))
        let shared = try #require(resources.options.first { $0.levels.map { $0.lowest < $0.highest } ?? false })
        #expect(shared.levels == LevelSpan(.independent, .consulting))
        var sharedCases = 0
        try AnswerSpace.expectEveryCase { answers, recommendation in
            guard answers.current[.resources] == shared else { return true }
            sharedCases += 1
            let others = [EngagementDimension.communication, .decisions].compactMap { answers.current[$0]?.levels?.highest }
            return recommendation.overallCurrent == min(.consulting, others.min() ?? .aligning)
        }
        #expect(sharedCases > 0)
    }

    @Test func eachDimensionStepsUpExactlyOneLevelOrSustains() throws {
        try AnswerSpace.expectEveryCase { _, recommendation in
            recommendation.dimensions.count == EngagementDimension.allCases.count
                && recommendation.dimensions.allSatisfy { advice in
                    let today = advice.current.highest
                    guard let next = advice.next else { return today >= recommendation.recommended }
                    return today < recommendation.recommended && next.rawValue == today.rawValue + 1
                        && next <= recommendation.recommended
                }
        }
    }

    @Test func everyDimensionGetsActionsFromTheCatalogForItsNextStepOrToSustain() throws {
        let catalog = script.actions
        try AnswerSpace.expectEveryCase { _, recommendation in
            recommendation.dimensions.allSatisfy { advice in
                let expected =
                    advice.next.map { catalog.toReach($0, on: advice.dimension) } ?? catalog.sustain[advice.dimension]
                return !advice.actions.isEmpty && advice.actions == expected
            }
        }
    }

    @Test func wordsAreFlaggedWhenTheyPromiseTwoOrMoreLevelsAboveTheActions() throws {
        let gap = script.scoring.wordsGapFlag
        try AnswerSpace.expectEveryCase { answers, recommendation in
            let overall = recommendation.overallCurrent
            guard let words = answers.wordsLevel else { return recommendation.wordsCheck == .notAssessed }
            let expected: Recommendation.WordsCheck =
                words.rawValue - overall.rawValue >= gap ? .overpromising : (words < overall ? .underselling : .aligned)
            return recommendation.wordsCheck == expected
        }
    }

    // MARK: - Examples

    @Test func noBenefitCapsAtTheCeilingAndSaysSo() throws {
        let answers = try Answers(script)
            .choose(.benefit, "no").choose(.sharedGoals, "yes").desire(.aligning).answers
        let recommendation = try #require(recommender.recommend(from: answers))
        let ceiling = try #require(script.scoring.fitCeiling["no"]?["yes"])

        #expect(ceiling < .involving)
        #expect(recommendation.fit == .capped)
        #expect(recommendation.recommended == ceiling)
        let summary = try #require(ResultWriter(script: script).write(recommendation, answers: answers).parts.first)
        let capped = script.result[.fitCapped].render([
            "desired": script.chart.name(of: .aligning), "recommended": script.chart.name(of: ceiling),
            "ceiling": script.chart.name(of: ceiling), "benefit": "No", "shared_goals": "Yes",
        ])
        #expect(summary.text.contains(capped))
    }

    @Test func anOpportunityWhenFitAllowsMoreThanDesired() throws {
        let answers = try Answers(script)
            .choose(.benefit, "yes").choose(.sharedGoals, "yes").desire(.informing).answers
        let recommendation = try #require(recommender.recommend(from: answers))

        #expect(recommendation.fit == .opportunity)
        #expect(recommendation.recommended == .informing)
        #expect(recommendation.fitCeiling == script.scoring.fitCeiling["yes"]?["yes"])
        let summary = try #require(ResultWriter(script: script).write(recommendation, answers: answers).parts.first)
        let opportunity = script.result[.fitOpportunity].render([
            "desired": script.chart.name(of: .informing), "recommended": script.chart.name(of: .informing),
            "ceiling": script.chart.name(of: recommendation.fitCeiling), "benefit": "Yes", "shared_goals": "Yes",
        ])
        #expect(summary.text.contains(opportunity))
    }

    @Test func theNextStepNeverJumpsPastOneLevel() throws {
        let answers = try Answers(script)
            .choose(.benefit, "yes").choose(.sharedGoals, "yes").desire(.aligning)
            .place(.communication, at: .independent).answers
        let recommendation = try #require(recommender.recommend(from: answers))
        let communication = try #require(recommendation.advice(for: .communication))

        #expect(recommendation.recommended == .aligning)
        #expect(communication.next == .informing)
        #expect(communication.actions == script.actions.toReach(.informing, on: .communication))
    }

    @Test func resourcesKeptInHouseStillReachConsultingAndSustainThere() throws {
        let answers = try Answers(script)
            .choose(.benefit, "yes").choose(.sharedGoals, "yes").desire(.consulting)
            .place(.communication, at: .aligning).place(.resources, at: .independent).place(.decisions, at: .aligning)
            .answers
        let recommendation = try #require(recommender.recommend(from: answers))

        #expect(recommendation.overallCurrent == .consulting)
        #expect(recommendation.advice(for: .resources)?.sustains == true)
        #expect(recommendation.advice(for: .resources)?.actions == script.actions.sustain[.resources])
    }

    @Test func resultPartsQuoteTheAnswersTheyCameFrom() throws {
        let words = "We will keep you posted"
        let answers = try Answers(script)
            .choose(.benefit, "yes", note: "partners reach families we can't").choose(.sharedGoals, "some")
            .desire(.involving).place(.communication, at: .informing).place(.resources, at: .involving)
            .place(.decisions, at: .consulting).say(.words, words).choose(.wordsLevel, "informing").answers
        let recommendation = try #require(recommender.recommend(from: answers))
        let parts = ResultWriter(script: script).write(recommendation, answers: answers).parts

        for dimension in EngagementDimension.allCases {
            let step = try #require(script.step(for: .current, dimension: dimension))
            let chosen = try #require(answers[step.id]?.optionID.flatMap(step.option))
            let part = try #require(parts.first { $0.cites == [step.id] }, "no part cites \(step.id)")
            #expect(part.text.contains(chosen.label), "\(dimension) part does not quote \"\(chosen.label)\"")
        }
        let summary = try #require(parts.first)
        #expect(summary.text.contains("partners reach families we can't"))
        let benefit = try #require(script.step(for: .benefit))
        #expect(summary.cites.contains(benefit.id))
        let wordsStep = try #require(script.step(for: .words))
        let wordsPart = try #require(parts.first { $0.cites.contains(wordsStep.id) })
        #expect(wordsPart.text.contains(words))
    }

    @Test func aMissingRequiredAnswerGivesNoRecommendation() throws {
        let complete = try Answers(script).answers
        #expect(recommender.recommend(from: complete) != nil)
        let roles: [StepRole] = [.benefit, .sharedGoals, .current, .desired]
        let required = script.steps.filter { $0.role.map(roles.contains) ?? false }
        #expect(required.count == 6)
        for step in required {
            var missing = complete
            missing[step.id] = nil
            #expect(recommender.recommend(from: missing) == nil, "still recommends without \(step.id)")
            missing[step.id] = .skip(at: Answers.date)
            #expect(recommender.recommend(from: missing) == nil, "still recommends with \(step.id) skipped")
        }
    }

    @Test func wordsOneLevelFromTheActionsAreCalledCloseNotTheSameStory() throws {
        let words = try #require(script.step(for: .wordsLevel))
        func result(wordsAt level: EngagementLevel) throws -> String {
            let option = try #require(words.options.first { $0.levels == LevelSpan(level) })
            var answers = try Answers(script).say(.words, "We work together").answers
            answers[words.id] = Answer(optionID: option.id, answeredAt: Date(timeIntervalSince1970: 1_800_000_000))
            let recommendation = try #require(recommender.recommend(from: answers))
            #expect(recommendation.wordsCheck == .aligned)
            return try #require(
                ResultWriter(script: script).write(recommendation, answers: answers).parts.first {
                    $0.text.hasPrefix("Words and actions")
                }
            ).text
        }
        let oneAbove = try result(wordsAt: .consulting)
        #expect(oneAbove.contains("one level from what your actions show (Informing)"))
        #expect(!oneAbove.contains("same story"))
        let same = try result(wordsAt: .informing)
        #expect(same.contains("same story"))
    }

    @Test func skippingTheWordsLeavesTheCheckOutAndCitesNothing() throws {
        let answers = try Answers(script).answers
        let recommendation = try #require(recommender.recommend(from: answers))
        let parts = ResultWriter(script: script).write(recommendation, answers: answers).parts

        #expect(recommendation.wordsCheck == .notAssessed)
        #expect(parts.contains { $0.text == script.result[.wordsNotAssessed].render() && $0.cites.isEmpty })
    }
}

/// Builds an answers dictionary for the default script, starting from a complete middle-of-the-road set.
private struct Answers {
    static let date = Date(timeIntervalSince1970: 1_800_000_000)
    let script: Script
    private(set) var answers: [StepID: Answer] = [:]

    init(_ script: Script) throws {
        self.script = script
        answers = try choose(.benefit, "maybe").choose(.sharedGoals, "some").desire(.consulting)
            .place(.communication, at: .informing).place(.resources, at: .informing).place(.decisions, at: .informing)
            .answers
    }

    private init(script: Script, answers: [StepID: Answer]) {
        self.script = script
        self.answers = answers
    }

    func choose(_ role: StepRole, _ optionID: String, note: String? = nil) throws -> Answers {
        let step = try #require(script.step(for: role))
        try #require(step.option(optionID) != nil, "\(step.id) has no option \(optionID)")
        return setting(step.id, Answer(optionID: optionID, text: note, answeredAt: Self.date))
    }

    func say(_ role: StepRole, _ text: String) throws -> Answers {
        let step = try #require(script.step(for: role))
        return setting(step.id, Answer(text: text, answeredAt: Self.date))
    }

    func desire(_ level: EngagementLevel) throws -> Answers {
        let step = try #require(script.step(for: .desired))
        let option = try #require(step.options.first { $0.levels == LevelSpan(level) })
        return setting(step.id, Answer(optionID: option.id, answeredAt: Self.date))
    }

    /// Picks the chart cell of the dimension's row that covers `level`.
    func place(_ dimension: EngagementDimension, at level: EngagementLevel) throws -> Answers {
        let step = try #require(script.step(for: .current, dimension: dimension))
        let option = try #require(step.options.first { $0.levels?.contains(level) ?? false })
        return setting(step.id, Answer(optionID: option.id, answeredAt: Self.date))
    }

    private func setting(_ id: StepID, _ answer: Answer) -> Answers {
        var answers = self.answers
        answers[id] = answer
        return Answers(script: script, answers: answers)
    }
}

/// Every combination of choice answers the default script allows, with its recommendation.
private enum AnswerSpace {
    struct Case: CustomStringConvertible {
        let benefit: String
        let sharedGoals: String
        let current: [EngagementDimension: AnswerOption]
        let desired: EngagementLevel
        let wordsLevel: EngagementLevel?
        let recommendation: Recommendation?

        var description: String {
            let cells = EngagementDimension.allCases.map { "\($0.rawValue)=\(current[$0]?.id ?? "?")" }.joined(separator: " ")
            let words = wordsLevel.map { "\($0.rawValue)" } ?? "none"
            return "benefit=\(benefit) shared_goals=\(sharedGoals) \(cells) desired=\(desired.rawValue) words=\(words)"
        }
    }

    static let cases: [Case] = {
        let script = DefaultPrompts.script
        let recommender = Recommender(script: script)
        guard let benefit = script.step(for: .benefit), let shared = script.step(for: .sharedGoals),
            let desired = script.step(for: .desired), let wordsLevel = script.step(for: .wordsLevel)
        else { return [] }
        let currentSteps = EngagementDimension.allCases.compactMap { script.step(for: .current, dimension: $0) }
        guard currentSteps.count == EngagementDimension.allCases.count else { return [] }

        // Every combination of the three current-level answers.
        var cellCombinations: [[EngagementDimension: AnswerOption]] = [[:]]
        for step in currentSteps {
            guard let dimension = step.dimension else { return [] }
            cellCombinations = cellCombinations.flatMap { partial in
                step.options.map { partial.merging([dimension: $0]) { $1 } }
            }
        }
        let wordsChoices: [AnswerOption?] = [nil] + wordsLevel.options

        var cases: [Case] = []
        func answer(_ id: String) -> Answer { Answer(optionID: id, answeredAt: Answers.date) }
        for benefitOption in benefit.options {
            for sharedOption in shared.options {
                for cells in cellCombinations {
                    for desiredOption in desired.options {
                        for wordsOption in wordsChoices {
                            var answers: [StepID: Answer] = [
                                benefit.id: answer(benefitOption.id), shared.id: answer(sharedOption.id),
                                desired.id: answer(desiredOption.id),
                            ]
                            for step in currentSteps {
                                if let dimension = step.dimension, let option = cells[dimension] {
                                    answers[step.id] = answer(option.id)
                                }
                            }
                            if let wordsOption { answers[wordsLevel.id] = answer(wordsOption.id) }
                            guard let desiredLevel = desiredOption.levels?.highest else { return [] }
                            cases.append(
                                Case(
                                    benefit: benefitOption.id, sharedGoals: sharedOption.id, current: cells,
                                    desired: desiredLevel, wordsLevel: wordsOption?.levels?.highest,
                                    recommendation: recommender.recommend(from: answers)))
                        }
                    }
                }
            }
        }
        return cases
    }()

    /// Records one issue naming a few failing cases when `holds` is false, or no recommendation was made,
    /// for any case. Requires the space to have been enumerated.
    static func expectEveryCase(
        _ holds: (Case, Recommendation) throws -> Bool, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        // 3 benefit × 4 shared goals × (5 × 3 × 5) cells × 5 desired × 6 words levels in the default script.
        try #require(cases.count >= 20_000, "the answer space was not enumerated", sourceLocation: sourceLocation)
        let failing = try cases.filter { item in
            guard let recommendation = item.recommendation else { return true }
            return try !holds(item, recommendation)
        }
        let failures = failing.count
        let examples = failing.prefix(3).map(\.description).joined(separator: "; ")
        #expect(failures == 0, "of \(cases.count) cases, e.g. \(examples)", sourceLocation: sourceLocation)
    }
}

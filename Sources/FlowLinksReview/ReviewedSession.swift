import FlowLinksCore
import FlowLinksStore
import Foundation

/// A stored session read against the script: questions in words, answers in words, with history.
public struct ReviewedSession: Sendable {
    /// One question and what was answered to it, the answer in force last.
    public struct AnsweredStep: Sendable {
        public let stepID: StepID
        public let question: String
        /// The answer in force, if the question still has one.
        public let current: AnswerRecord?
        /// Answers given before and later changed, oldest first.
        public let earlier: [AnswerRecord]
    }

    public let report: SessionReport
    public let script: Script

    public init(report: SessionReport, script: Script) {
        self.report = report
        // why: a workshop session ran the workshop's version of the questions: the member-or-partner
        // question first, and partners' own questions; its answers read against that version.
        let answers = report.currentAnswers.mapValues(\.answer)
        let workshop = WorkshopLink(id: report.session.workshopId ?? 0, code: "", name: "")
        self.script = Perspective(answers: answers) == nil ? script : script.scoped(toAnswers: answers, in: workshop)
    }

    public var id: Int64 { report.session.id ?? 0 }

    /// The code of the language the conversation was held in; the content's default when none was stored.
    public var languageCode: String { report.session.language ?? script.language.choosing.code }

    /// The name of that language, as its content names it ("Español (Spanish)").
    public var languageName: String { script.languageName(of: report.session.language) }

    /// The result's parts a facilitator reads: all but the closing line, which speaks to the
    /// participant ("type back to change an answer…") and quotes no answer.
    public var facilitatorParts: [SessionResult.Part] {
        guard let parts = result?.parts else { return [] }
        guard let last = parts.last, last.cites.isEmpty, parts.count > 1 else { return parts }
        return Array(parts.dropLast())
    }

    /// The organization's name as the participant gave it.
    public var organization: String? { value(of: .organization) }

    /// The initiative's name as the participant gave it.
    public var initiative: String? { value(of: .initiative) }

    /// Every answered question, in the script's order; answers to steps no longer in the script come last.
    public var answeredSteps: [AnsweredStep] {
        let byStep = Dictionary(grouping: report.answers, by: \.stepId)
        let known = script.steps.map(\.id)
        let unknown = report.answers.map(\.stepId).filter { !known.contains($0) }
        var seen = Set<StepID>()
        return (known + unknown).compactMap { stepID in
            guard seen.insert(stepID).inserted, let answers = byStep[stepID] else { return nil }
            return AnsweredStep(
                stepID: stepID, question: question(of: stepID), current: answers.last { $0.replacedAt == nil },
                earlier: answers.filter { $0.replacedAt != nil })
        }
    }

    /// The question of a step, with `{organization}` and `{initiative}` filled in; the step id when unknown.
    public func question(of stepID: StepID) -> String {
        guard let step = script.step(stepID) else { return stepID }
        return Template(step.question).render(wording.placeholders(currentAnswers))
    }

    /// "Yes (partners reach families we can't)", the free text, or "skipped", worded as the
    /// conversation words them; an answer to a step no longer in the script shows as stored.
    public func words(of answer: AnswerRecord) -> String {
        guard let step = script.step(answer.stepId) else { return answer.text ?? answer.optionId ?? "" }
        return wording.describe(answer.answer, for: step)
    }

    /// The name of a level, from the chart.
    public func name(of level: EngagementLevel) -> String { script.chart.name(of: level) }

    /// The result as a facilitator reads it, in the pages' language: as stored when the
    /// conversation was held in that language; otherwise written again from the answers in force
    /// (the scoring is shared, so the levels are the same), quoting the person's words as given.
    public var result: SessionResult? {
        guard let stored = report.result?.result else { return nil }
        guard languageCode != script.language.choosing.code else { return stored }
        return script.result(of: currentAnswers) ?? stored
    }

    /// The result part that compares the team's words with its actions, if the session has a result.
    public var wordsAndActions: String? {
        guard let result else { return nil }
        let wordsStep = script.step(for: .words)?.id
        if let part = result.parts.first(where: { part in wordsStep.map(part.cites.contains) ?? false }) { return part.text }
        // why: a skipped words question leaves the part without cites; it is the one before the closing line.
        return result.parts.count >= 2 ? result.parts[result.parts.count - 2].text : nil
    }

    private func value(of role: StepRole) -> String? { wording.value(of: role, in: currentAnswers) }

    private var wording: AnswerWording { AnswerWording(script: script) }

    /// The answers in force, in the engine's terms, so they are worded the way the engine words them.
    private var currentAnswers: [StepID: Answer] { report.currentAnswers.mapValues(\.answer) }
}

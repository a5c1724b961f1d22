/// Puts stored answers back into words for questions, summaries and the result.
public struct AnswerWording: Sendable {
    let script: Script

    public init(script: Script) { self.script = script }

    /// "Yes (partners reach families we can't)", the free text, or "skipped".
    public func describe(_ answer: Answer?, for step: Step?) -> String {
        guard let answer, let step else { return script.language.message(.skippedAnswer).render() }
        if answer.skipped { return script.language.message(.skippedAnswer).render() }
        guard let optionID = answer.optionID else { return answer.text ?? "" }
        let choice = step.option(optionID)?.label ?? optionID
        guard let note = answer.text, !note.isEmpty else { return choice }
        return script.language.message(.answerWithNote).render(["choice": choice, "note": note])
    }

    /// The free text or option label of the step playing `role`, for `{organization}` and the like.
    public func value(of role: StepRole, in answers: [StepID: Answer]) -> String? {
        guard let step = script.step(for: role), let answer = answers[step.id], !answer.skipped else { return nil }
        if let optionID = answer.optionID { return step.option(optionID)?.shortLabel }
        return answer.text
    }

    /// Values for the `{organization}` and `{initiative}` placeholders of questions.
    public func placeholders(_ answers: [StepID: Answer]) -> [String: String] {
        var values: [String: String] = [:]
        values["organization"] = value(of: .organization, in: answers)
        values["initiative"] = value(of: .initiative, in: answers)
        return values
    }
}

import Foundation

/// Taking an answer, moving on, and finishing with the result.
extension Engine {
    func answer(_ text: String, to step: Step, in state: SessionState, now: Date) -> Turn {
        let language = script.language
        let trimmed = text.trimmed(of: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else {
            let key: MessageKey = step.required || step.kind == .choice ? .emptyAnswer : .emptyAnswerOptional
            return Turn(state: state, replies: [OutboundMessage(language.message(key).render(), choices: choices(for: step))])
        }
        guard trimmed.count <= maxAnswerLength else {
            let reply = language.message(.tooLong).render(["limit": "\(maxAnswerLength)"])
            return Turn(state: state, replies: [OutboundMessage(reply, choices: choices(for: step))])
        }
        switch step.kind {
        case .text:
            return record(Answer(text: trimmed, answeredAt: now), for: step, in: state, now: now)
        case .choice:
            if let pending = state.pendingReading { return answer(trimmed, to: pending, at: step, in: state, now: now) }
            let suggested = suggestedOption(for: step, in: state.answers)
            guard let reading = ChoiceInterpreter(language: language).interpret(trimmed, for: step, suggested: suggested)
            else { return reprompt(step, in: state) }
            guard reading.confidence == .high else { return askToConfirm(reading, at: step, in: state) }
            var turn = record(
                Answer(optionID: reading.optionID, text: reading.note, answeredAt: now), for: step, in: state, now: now)
            turn.reading = ReadingEvent(step: step.id, outcome: .taken)
            return turn
        }
    }

    /// Stores the answer, clears answers that depended on a changed one, and asks what comes next.
    func record(_ answer: Answer, for step: Step, in state: SessionState, now: Date, prefix: [OutboundMessage] = []) -> Turn {
        var state = state
        let answer = step.storesChoiceAsText ? storedAsText(answer, on: step) : answer
        let changed = state.answers[step.id].map { !$0.means(answer) } ?? true
        state.answers[step.id] = answer
        state.misses = 0
        state.pendingReading = nil
        if changed { clearDependents(of: step.id, in: &state.answers) }
        return advance(state, now: now, prefix: prefix)
    }

    /// Moves to the first unanswered question, or finishes with the result.
    func advance(_ state: SessionState, now: Date, prefix: [OutboundMessage] = []) -> Turn {
        if let turn = advanceInWorkshop(state, now: now, prefix: prefix) { return turn }
        var state = state
        if let next = firstUnanswered(state.answers) {
            state.currentStep = next.id
            state.status = .active
            // why: a changed answer can open a new question after the result; the result no longer
            // holds until the session finishes again (and only a finished session has one).
            state.result = nil
            return Turn(state: state, replies: prefix + ask(in: state))
        }
        guard let result = script.result(of: state.answers) else {
            // why: unreachable with a validated script, but a session must never dead-end.
            state.currentStep =
                script.steps.first { $0.required && state.answers[$0.id]?.optionID == nil && $0.kind == .choice }?.id
            return Turn(state: state, replies: prefix + ask(in: state))
        }
        state.currentStep = nil
        state.status = .completed
        state.result = result
        return Turn(state: state, replies: prefix + result.parts.map { OutboundMessage($0.text) })
    }

    /// Removes answers of steps that depend on `id`, directly or through another step, and of
    /// steps that no longer apply.
    func clearDependents(of id: StepID, in answers: inout [StepID: Answer]) {
        var changed: Set<StepID> = [id]
        for step in script.steps where !step.dependsOn.allSatisfy({ !changed.contains($0) }) {
            answers[step.id] = nil
            changed.insert(step.id)
        }
        for step in script.steps where !isApplicable(step, answers) { answers[step.id] = nil }
    }
}

import Foundation

/// A likely reading checked with the person in one line: "Sounds like 4. Involving — is that
/// right?". Yes keeps it; a plain no shows the options again; anything else is read afresh.
extension Engine {
    /// What the confirmation's Yes button sends.
    public static let confirmValue = "confirm"

    func askToConfirm(_ reading: ChoiceReading, at step: Step, in state: SessionState) -> Turn {
        var state = state
        state.pendingReading = PendingReading(optionID: reading.optionID, note: reading.note)
        let language = script.language
        let number = (step.options.firstIndex { $0.id == reading.optionID } ?? 0) + 1
        let label = step.option(reading.optionID)?.shortLabel ?? reading.optionID
        let text = language.message(.confirmReading).render(["number": "\(number)", "label": label])
        let yes = language.message(.confirmReadingYes).render()
        // why: an option that means yes would send "yes", which confirms the reading instead.
        let others = choices(for: step).filter { step.option($0.value)?.meaning != .yes }
        // why: its button sends option 0 of the step, which only a checked reading accepts.
        let confirm = Choice(number: 0, value: Self.confirmValue, label: yes, shortLabel: yes, question: .step(step.id))
        let choices = [confirm] + others
        return Turn(
            state: state, replies: [OutboundMessage(text, choices: choices)],
            reading: ReadingEvent(step: step.id, outcome: .confirming))
    }

    /// The reply to "is that right?".
    func answer(_ text: String, to pending: PendingReading, at step: Step, in state: SessionState, now: Date) -> Turn {
        var state = state
        state.pendingReading = nil
        guard step.option(pending.optionID) != nil else { return answer(text, to: step, in: state, now: now) }
        let confirmation = script.confirmation
        let startsWithNumber = NumberReader(language: script.language).read(
            ReplyTokens(text, language: script.language), optionCount: step.options.count)
        let yesNo =
            startsWithNumber == nil
            ? ChoiceInterpreter(language: script.language).interpret(
                text, options: confirmation.options, vocabulary: confirmation.vocabulary) : nil
        if text == Self.confirmValue || (yesNo?.optionID == "yes" && yesNo?.confidence == .high) {
            var kept = pending
            kept.note = yesNo?.note ?? pending.note
            return keep(kept, at: step, in: state, now: now)
        }
        if yesNo?.optionID == "no", yesNo?.confidence == .high, yesNo?.note == nil {
            let again = OutboundMessage(script.language.message(.readingDeclined).render(), choices: choices(for: step))
            return Turn(state: state, replies: [again], reading: ReadingEvent(step: step.id, outcome: .declined))
        }
        return answer(text, to: step, in: state, now: now)
    }

    /// Keeps the checked reading the person said yes to, with its note.
    func keep(_ pending: PendingReading, at step: Step, in state: SessionState, now: Date) -> Turn {
        let answer = Answer(optionID: pending.optionID, text: pending.note, answeredAt: now)
        var turn = record(answer, for: step, in: state, now: now)
        turn.reading = ReadingEvent(step: step.id, outcome: .confirmed)
        return turn
    }
}

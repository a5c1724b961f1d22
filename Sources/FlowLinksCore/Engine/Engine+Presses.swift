import Foundation

/// Button presses: a press answers the question its button belongs to only while that question is
/// the one being asked in the same session; any other press changes nothing and hears a notice.
extension Engine {
    /// One button press in the session `sessionID`, whose state is `state`.
    public func press(_ press: ButtonPress, inSession sessionID: Int64, state: SessionState, now: Date) -> Turn {
        if let scoped = rescoped(for: state) { return scoped.press(press, inSession: sessionID, state: state, now: now) }
        guard case .choice(let choice) = press, choice.sessionID == sessionID else { return stalePress(state) }
        var answering = state
        answering.lastActivity = now
        if let pending = state.pendingConfirmation {
            let options = script.confirmation.options
            guard choice.question == .confirmation(pending), options.indices.contains(choice.option - 1) else {
                return stalePress(state)
            }
            return confirm(pending, confirmed: options[choice.option - 1].meaning == .yes, in: answering, now: now)
        }
        guard state.status == .active, case .step(let id) = choice.question, id == state.currentStep,
            let step = script.step(id)
        else { return stalePress(state) }
        // why: option 0 is the unnumbered "Yes, that's it" of a reading checked with the person.
        if choice.option == 0 {
            guard let pending = state.pendingReading, step.option(pending.optionID) != nil else { return stalePress(state) }
            return keep(pending, at: step, in: answering, now: now)
        }
        guard step.options.indices.contains(choice.option - 1) else { return stalePress(state) }
        let answer = Answer(optionID: step.options[choice.option - 1].id, answeredAt: now)
        var turn = record(answer, for: step, in: answering, now: now)
        turn.reading = ReadingEvent(step: step.id, outcome: .taken)
        return turn
    }

    /// The reply to a press in a conversation that has no session (it was erased): a notice, and
    /// nothing starts until the person writes.
    public func pressWithoutSession() -> OutboundMessage {
        OutboundMessage(script.language.message(.pressEnded).render(), notice: .stalePress)
    }

    /// The state as it was, and a notice that says why the press changed nothing and what to do.
    private func stalePress(_ state: SessionState) -> Turn {
        let key: MessageKey =
            switch state.status {
            case .completed: .pressFinished
            case .paused: .pressPaused
            case .active: .pressOutdated
            }
        return Turn(state: state, replies: [OutboundMessage(script.language.message(key).render(), notice: .stalePress)])
    }
}

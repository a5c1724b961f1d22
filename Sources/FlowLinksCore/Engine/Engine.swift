import Foundation

/// The conversation engine: a session state and one inbound message give the new state and the
/// replies. Pure: no I/O, no clock (time comes in as `now`), no platform knowledge.
public struct Engine: Sendable {
    public let script: Script
    /// After this long without a message, a returning person is greeted and shown where they were.
    public let idleTimeout: TimeInterval
    /// The longest free-text answer kept, in characters.
    public let maxAnswerLength: Int

    public init(script: Script, idleTimeout: TimeInterval = 24 * 3600, maxAnswerLength: Int = 2000) {
        self.script = script
        self.idleTimeout = idleTimeout
        self.maxAnswerLength = maxAnswerLength
    }

    /// A new session: the welcome and the first question.
    public func begin(now: Date) -> Turn {
        let state = SessionState(
            currentStep: script.steps.first?.id, lastActivity: now, contentVersion: script.version,
            workshop: script.scope?.link, language: script.language.choosing.code)
        let welcome = Template(script.welcome).render(["question_count": "\(applicableSteps(state.answers).count)"])
        return Turn(state: state, replies: [OutboundMessage(welcome)] + ask(in: state))
    }

    /// Shows a returning person where they were, without taking anything as an answer.
    public func reopen(_ state: SessionState, now: Date) -> Turn {
        if let scoped = rescoped(for: state) { return scoped.reopen(state, now: now) }
        var state = state
        state.lastActivity = now
        guard state.status != .completed else {
            return Turn(state: state, replies: [alreadyDone(state)])
        }
        let left = abandonment(state)
        state.status = .active
        state.pendingConfirmation = nil
        state.pendingReading = nil
        let progress = progress(state)
        let greeting = script.language.message(.resumed).render(["number": "\(progress.number)", "total": "\(progress.total)"])
        return Turn(state: state, replies: [OutboundMessage(greeting)] + ask(in: state), reading: left)
    }

    /// Pauses an active session (the `pause` command, or a terminal closed with Ctrl-D).
    public func pause(_ state: SessionState, now: Date) -> Turn {
        if let scoped = rescoped(for: state) { return scoped.pause(state, now: now) }
        var state = state
        state.lastActivity = now
        guard state.status == .active else { return Turn(state: state, replies: []) }
        let left = abandonment(state)
        state.status = .paused
        state.pendingConfirmation = nil
        state.pendingReading = nil
        let progress = progress(state)
        let text = script.language.message(.paused).render(["number": "\(progress.number)", "total": "\(progress.total)"])
        return Turn(state: state, replies: [OutboundMessage(text)], reading: left)
    }

    /// One inbound message.
    public func reply(to text: String, in state: SessionState, now: Date) -> Turn {
        if let switched = switchLanguage(text, in: state, now: now) { return switched }
        if let scoped = rescoped(for: state) { return scoped.reply(to: text, in: state, now: now) }
        if let request = workshopRequest(text, in: state, now: now) { return request }
        let command = CommandReader(language: script.language).command(in: text)
        let returning = state.status == .paused || now.timeIntervalSince(state.lastActivity) > idleTimeout
        var state = state
        if returning && state.status != .completed && command == nil { return reopen(state, now: now) }
        state.lastActivity = now
        if state.status == .paused { state.status = .active }
        if let pending = state.pendingConfirmation {
            return confirm(pending, reply: text, in: state, now: now)
        }
        if let command {
            // why: a command sets the pending reading aside; leaving now abandons the question.
            var turn = run(command, in: state, now: now)
            if [.pause, .restart, .delete].contains(command) { turn.reading = turn.reading ?? abandonment(state) }
            if turn.state.pendingReading != nil { turn.state.pendingReading = nil }
            return turn
        }
        guard state.status == .active, let stepID = state.currentStep, let step = script.step(stepID) else {
            return Turn(state: state, replies: [alreadyDone(state)])
        }
        return answer(text, to: step, in: state, now: now)
    }

    /// The question left unanswered after a miss or an unconfirmed reading, if the person leaves now.
    func abandonment(_ state: SessionState) -> ReadingEvent? {
        guard state.status != .completed, state.misses > 0 || state.pendingReading != nil,
            let step = state.currentStep.flatMap(script.step), step.kind == .choice
        else { return nil }
        return ReadingEvent(step: step.id, outcome: .abandoned)
    }
}

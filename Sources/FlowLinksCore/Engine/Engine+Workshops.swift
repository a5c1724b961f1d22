import Foundation

/// Joining and leaving a workshop, and asking for the team view. Finding a workshop by its code
/// and gathering a team's answers need the database, so the engine returns a `WorkshopRequest`
/// effect; the store does that work inside the same turn and hands the engine what it found.
extension Engine {
    /// A new conversation whose first message may be a join request (Telegram's `/start CODE`).
    public func begin(now: Date, saying text: String) -> Turn {
        let opening = begin(now: now)
        guard case .join(let code?) = WorkshopRequestReader(content: script.workshop).read(text) else { return opening }
        return Turn(state: opening.state, replies: opening.replies, effect: .workshop(.join(code)))
    }

    /// A workshop request typed as the whole reply; `nil` for anything else.
    func workshopRequest(_ text: String, in state: SessionState, now: Date) -> Turn? {
        guard let request = WorkshopRequestReader(content: script.workshop).read(text) else { return nil }
        var state = state
        state.lastActivity = now
        state.pendingConfirmation = nil
        // why: like a command, a request sets a reading that waits for yes aside.
        state.pendingReading = nil
        if state.status == .paused { state.status = .active }
        switch request {
        case .join(let code?):
            return Turn(state: state, replies: [], effect: .workshop(.join(code)))
        case .join(nil):
            return notice(.needsCode, in: state)
        case .leave:
            guard let link = state.workshop else { return notice(.notInWorkshop, in: state) }
            let fresh = Engine(script: script.scoped(to: nil), idleTimeout: idleTimeout, maxAnswerLength: maxAnswerLength)
                .begin(now: now)
            let left = OutboundMessage(script.workshop.message(.left).render(["workshop": link.name]))
            return Turn(state: fresh.state, replies: [left] + fresh.replies, effect: .workshop(.leave(workshopID: link.id)))
        case .team:
            guard state.workshop != nil else { return notice(.notInWorkshop, in: state) }
            guard state.status == .completed else { return notice(.teamUnfinished, in: state) }
            return Turn(state: state, replies: [], effect: .workshop(.team))
        }
    }

    /// Finishes a join request with what the store found for its code. `turn` is the one that
    /// asked: its replies (a new conversation's welcome) follow a refusal. A session with no
    /// answers yet joins as it is; otherwise the person's next session joins.
    public func join(_ lookup: WorkshopLookup, after turn: Turn, now: Date) -> Turn {
        if let scoped = rescoped(for: turn.state) { return scoped.join(lookup, after: turn, now: now) }
        let state = turn.state
        let carryOn = turn.replies.isEmpty ? resume(state) : turn.replies
        let messages = script.workshop
        switch lookup {
        case .unknown(let code):
            return Turn(
                state: state, replies: [OutboundMessage(messages.message(.unknownCode).render(["code": code.text]))] + carryOn)
        case .closed(let name):
            return Turn(state: state, replies: [OutboundMessage(messages.message(.closed).render(["workshop": name]))] + carryOn)
        case .open(let link):
            if state.workshop?.id == link.id {
                let already = OutboundMessage(messages.message(.alreadyJoined).render(["workshop": link.name]))
                return Turn(state: state, replies: [already] + carryOn)
            }
            let scoped = Engine(
                script: script.scoped(to: WorkshopScope(link: link, perspective: nil)), idleTimeout: idleTimeout,
                maxAnswerLength: maxAnswerLength)
            let fresh = scoped.begin(now: now)
            let joined = OutboundMessage(messages.message(.joined).render(["workshop": link.name]))
            let sameSession = state.answers.isEmpty && state.status != .completed
            return Turn(state: fresh.state, replies: [joined] + fresh.replies, effect: sameSession ? .none : .startNewSession)
        }
    }

    /// Shows a finished participant their team's view, within the privacy rules: nothing until
    /// enough people answered, no names, and only aggregates of enough people.
    public func showTeam(_ view: TeamView?, in state: SessionState, now: Date) -> Turn {
        if let scoped = rescoped(for: state) { return scoped.showTeam(view, in: state, now: now) }
        var state = state
        state.lastActivity = now
        let initiative = AnswerWording(script: script).value(of: .initiative, in: state.answers) ?? ""
        let text = TeamSummaryWriter(script: script).participantSummary(of: view, initiative: initiative)
        return Turn(state: state, replies: [OutboundMessage(text)])
    }

    /// A workshop message, then the conversation where it was.
    private func notice(_ key: WorkshopMessageKey, in state: SessionState) -> Turn {
        Turn(state: state, replies: [OutboundMessage(script.workshop.message(key).render())] + resume(state))
    }

    /// Where the conversation stands: the current question, or that it is finished.
    func resume(_ state: SessionState) -> [OutboundMessage] {
        state.status == .completed || state.currentStep == nil ? [alreadyDone(state)] : ask(in: state)
    }
}

/// Reads "join CODE", "/start CODE" (a Telegram deep link), "leave" and "team", in any case and
/// with or without a leading "/".
struct WorkshopRequestReader {
    let content: WorkshopContent

    enum Reading: Equatable {
        /// A join request; `nil` when the code is missing or cannot be a code.
        case join(WorkshopCode?)
        case leave, team
    }

    /// Longer replies are answers, never requests; they are not read twice.
    static let longestRequest = 64

    func read(_ text: String) -> Reading? {
        guard text.utf8.count <= Self.longestRequest else { return nil }
        var normalized = TextNormalizer.normalize(text)
        if normalized.hasPrefix("/") { normalized = TextNormalizer.normalize(String(normalized.dropFirst())) }
        guard !normalized.isEmpty else { return nil }
        if words(.leave).contains(normalized) { return .leave }
        if words(.team).contains(normalized) { return .team }
        if words(.join).contains(normalized) { return .join(nil) }
        for phrase in words(.join) + words(.start) where normalized.hasPrefix(phrase + " ") {
            let rest = String(normalized.dropFirst(phrase.count + 1))
            if let code = WorkshopCode(typed: rest) { return .join(code) }
            // why: "join Forces Coalition" may be an organization's name; only a short single
            // word reads as a mistyped code.
            if Self.looksLikeCode(rest) { return .join(nil) }
        }
        return nil
    }

    private func words(_ kind: WorkshopRequestKind) -> [String] { content.requestWords[kind] ?? [] }

    private static func looksLikeCode(_ text: String) -> Bool {
        let letters = text.filter { $0 != "-" }
        return (3...10).contains(letters.count) && letters.allSatisfy { $0.isLetter || $0.isNumber }
    }
}

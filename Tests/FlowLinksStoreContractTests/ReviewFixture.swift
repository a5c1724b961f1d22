import FlowLinksCore
import FlowLinksStore
import FlowLinksTesting
import Foundation

/// Six sessions written the same way into each backend, newest last:
///
/// | conversation | channel  | status    | started | organization                 | initiative      | level |
/// |--------------|----------|-----------|---------|------------------------------|-----------------|-------|
/// | a            | telegram | completed | +1h     | Café Ünïon (was "Old Name")  | Parent 50% Club | 3     |
/// | b            | slack    | active    | +2h     | Riverside Family Services    | Parent Cafe     |       |
/// | c            | telegram | abandoned | +3h     |                              |                 |       |
/// | d            | telegram | completed | +4h     | riverside family services␠   | parent cafe     | 4     |
/// | e            | teams    | completed | +5h     | Riverside Family Services    | Parent Cafe     | 2     |
/// | f            | telegram | paused    | +5h     | Northside                    | Teen_Health     |       |
struct ReviewFixture {
    static let start = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01 00:00:00 UTC
    static let naming = NamingSteps(DefaultPrompts.script)

    /// A real result: the engine's, for the sample answers.
    static let result: SessionResult = {
        let engine = Engine(script: DefaultPrompts.script)
        var turn = engine.begin(now: start)
        for text in SampleAnswers.complete { turn = engine.reply(to: text, in: turn.state, now: start) }
        return turn.state.result!
    }()

    static func hours(_ count: Double) -> Date { start + count * 3600 }

    /// The ids of the sessions, by conversation.
    private(set) var ids: [String: Int64] = [:]
    /// The sessions as written, with their ids.
    private(set) var sessions: [String: SessionRecord] = [:]
    private(set) var results: [String: ResultRecord] = [:]
    let seeding: any ReviewSeeding

    init(seeding: any ReviewSeeding, workshop: Int64? = nil) async throws {
        self.seeding = seeding
        try await add("a", "telegram", .completed, at: 1, names: ("Café Ünïon", "Parent 50% Club"), level: 3)
        try await add("b", "slack", .active, at: 2, names: ("Riverside Family Services", "Parent Cafe"))
        try await add("c", "telegram", .abandoned, at: 3, names: nil)
        try await add("d", "telegram", .completed, at: 4, names: ("riverside family services ", "parent cafe"), level: 4)
        try await add("e", "teams", .completed, at: 5, names: ("Riverside Family Services", "Parent Cafe"), level: 2)
        try await add("f", "telegram", .paused, at: 5, names: ("Northside", "Teen_Health"))
        let a = ids["a"]!
        try await answer(a, Self.naming.organization!, "Old Name", at: 1, replaced: true)
        try await answer(ids["d"]!, "partnership-benefit", "a weekly drop_in", at: 4)
        try await line(a, .inbound, "I'm 100% sure", at: 1)
        try await line(
            a, .outbound, "Bot said drop_in", at: 1, choices: [Choice(number: 1, value: "yes", label: "Yes", shortLabel: "Yes")])
        try await line(ids["b"]!, .inbound, "a weekly dropXin", at: 2)
        try await seeding.insert(
            FacilitatorNote(
                id: nil, sessionId: a, author: "sam", text: "Follow up", createdAt: Self.hours(6), updatedAt: Self.hours(6)))
    }

    /// Conversations of `page`, in its order.
    static func conversations(_ page: SessionPage) -> [String] { page.sessions.map(\.conversation) }

    private mutating func add(
        _ conversation: String, _ channel: String, _ status: SessionStatus, at hour: Double,
        names: (String, String)?, level: Int? = nil
    ) async throws {
        var session = SessionRecord(
            id: nil, channel: channel, conversation: conversation, participant: "person-\(conversation)",
            status: status, currentStep: nil, misses: 0, pendingConfirmation: nil, pendingOptionId: nil,
            pendingNote: nil, contentVersion: "v1", createdAt: Self.hours(hour), updatedAt: Self.hours(hour + 0.5),
            revision: 2, workshopId: nil, language: channel == "slack" ? "es" : nil)
        let id = try await seeding.insert(session)
        session.id = id
        ids[conversation] = id
        sessions[conversation] = session
        if let (organization, initiative) = names {
            try await answer(id, Self.naming.organization!, organization, at: hour)
            try await answer(id, Self.naming.initiative!, initiative, at: hour)
        }
        if let level {
            let result = ResultRecord(
                sessionId: id, recommendedLevel: level, overallLevel: 2, result: Self.result, contentVersion: "v1",
                createdAt: Self.hours(hour + 0.5))
            try await seeding.insert(result)
            results[conversation] = result
        }
    }

    private func answer(
        _ session: Int64, _ step: String, _ text: String, at hour: Double, replaced: Bool = false
    )
        async throws
    {
        try await seeding.insert(
            AnswerRecord(
                id: nil, sessionId: session, stepId: step, optionId: nil, text: text, skipped: false,
                answeredAt: Self.hours(hour), replacedAt: replaced ? Self.hours(hour + 0.25) : nil))
    }

    private func line(
        _ session: Int64, _ direction: TranscriptLine.Direction, _ text: String, at hour: Double, choices: [Choice]? = nil
    ) async throws {
        try await seeding.insert(
            TranscriptLine(
                id: nil, sessionId: session, direction: direction, text: text, choices: choices, participant: nil,
                platformMessageId: nil, createdAt: Self.hours(hour)))
    }
}

import FlowLinksCore
import FlowLinksStore
import FlowLinksTesting
import Foundation

/// Sessions driven through the real engine into an in-memory database, for the exporters.
struct ReviewFixtures {
    static let trickyInitiative = "<script>alert(1)</script> \"onmouseover=alert(2)"
    static let trickyPurpose = "# heading\nsecond line, with a comma and \"quotes\""
    static let formulaOutcome = "=SUM(A1)"

    let database: SQLiteDatabase
    let engine = Engine(script: DefaultPrompts.script)
    let clock = TestClock()

    init() throws { database = try SQLiteDatabase.inMemory() }

    /// A finished session whose answers hold markup, quotes, commas, line breaks and a formula,
    /// and whose initiative was changed with "back".
    mutating func trickySession() async throws -> Int64 {
        var answers = SampleAnswers.complete
        answers[0] = "Riverside, \"Family\" Services"
        answers[2] = Self.trickyPurpose
        answers[9] = Self.formulaOutcome
        let replies = [answers[0], "Parent Cafe", "back", Self.trickyInitiative] + answers.dropFirst(2)
        return try await converse(replies, conversation: "tricky")
    }

    /// A finished session with the sample answers.
    mutating func plainSession() async throws -> Int64 {
        try await converse(SampleAnswers.complete, conversation: "plain")
    }

    /// A session stopped after the organization question.
    mutating func unfinishedSession() async throws -> Int64 {
        try await converse(["Lakeside Trust"], conversation: "unfinished")
    }

    /// Every session's report, oldest first.
    func reports() async throws -> [SessionReport] {
        var reports: [SessionReport] = []
        for id in try await database.review.allSessionIDs() {
            if let report = try await database.review.report(ofSession: id) { reports.append(report) }
        }
        return reports
    }

    private mutating func converse(_ replies: [String], conversation: String) async throws -> Int64 {
        let key = ConversationKey(channel: "repl", conversation: conversation)
        var outcome = try await database.conversations.open(key, participant: "sam", engine: engine, now: clock.now)
        for reply in replies {
            clock.advance(60)
            outcome = try await database.conversations.converse(
                InboundMessage(key: key, participant: "sam", text: reply), engine: engine, now: clock.now)
        }
        guard let id = outcome.sessionID else { throw FixtureError.noSession }
        return id
    }

    enum FixtureError: Error { case noSession }
}

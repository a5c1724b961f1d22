import FlowLinksCore
import FlowLinksStore
import FlowLinksTesting
import Foundation
import Testing

@Suite("Sessions in SQLite")
struct SessionStoreTests {
    let engine = Engine(script: DefaultPrompts.script)
    let key = ConversationKey(channel: "repl", conversation: "team-a")

    /// Sends replies one by one, a minute apart, and returns the last outcome.
    @discardableResult
    func say(_ texts: [String], to database: SQLiteDatabase, clock: TestClock) async throws -> TurnOutcome? {
        var outcome: TurnOutcome?
        for text in texts {
            clock.advance(60)
            outcome = try await database.conversations.converse(
                InboundMessage(key: key, participant: "sam", text: text), engine: engine, now: clock.now)
        }
        return outcome
    }

    @Test func aSessionResumesAfterReopeningTheDatabaseAtTheSameQuestion() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("flowlinks-\(UUID()).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let clock = TestClock()
        do {
            let database = try SQLiteDatabase.open(path: path)
            _ = try await database.conversations.open(key, participant: "sam", engine: engine, now: clock.now)
            try await say(Array(SampleAnswers.throughDesiredLevel.prefix(6)), to: database, clock: clock)
        }
        let reopened = try SQLiteDatabase.open(path: path)
        clock.advance(60)
        let outcome = try await reopened.conversations.open(key, participant: "sam", engine: engine, now: clock.now)
        #expect(outcome.replies.first?.text.contains("Welcome back") == true)
        #expect(outcome.replies.last?.text.contains("How do resources and funding") == true)
        let sessionID = try #require(outcome.sessionID)
        let state = try #require(try reopened.state(ofSession: sessionID))
        #expect(state.currentStep == "current_resources")
        #expect(state.answers["benefit"]?.text == "partners reach families we can't")
    }

    @Test func aReadingWaitingForYesIsKeptWithTheSessionAcrossAReopening() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("flowlinks-\(UUID()).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let clock = TestClock()
        let sessionID: Int64
        do {
            let database = try SQLiteDatabase.open(path: path)
            let asked = try #require(
                try await say(
                    ["hello"] + SampleAnswers.throughDesiredLevel.dropLast() + ["a partnership, like the clinic"], to: database,
                    clock: clock))
            #expect(asked.reading == ReadingEvent(step: "desired_level", outcome: .confirming))
            sessionID = try #require(asked.sessionID)
        }
        let reopened = try SQLiteDatabase.open(path: path)
        let waiting = try #require(try reopened.state(ofSession: sessionID))
        #expect(waiting.pendingReading == PendingReading(optionID: "aligning", note: "a partnership, like the clinic"))
        let confirmed = try #require(try await say(["yes"], to: reopened, clock: clock))
        #expect(confirmed.reading == ReadingEvent(step: "desired_level", outcome: .confirmed))
        let state = try #require(try reopened.state(ofSession: sessionID))
        #expect(state.pendingReading == nil)
        #expect(state.answers["desired_level"]?.optionID == "aligning")
        #expect(state.answers["desired_level"]?.text == "a partnership, like the clinic")
    }

    @Test func theTranscriptHoldsEveryMessageInAndOutInOrder() async throws {
        let database = try SQLiteDatabase.inMemory()
        let clock = TestClock()
        let outcome = try #require(try await say(["hello", "Riverside", "Parent Cafe"], to: database, clock: clock))
        let lines = try database.transcript(ofSession: outcome.sessionID ?? -1)
        #expect(lines.map(\.direction) == [.inbound, .outbound, .outbound, .inbound, .outbound, .inbound, .outbound])
        #expect(lines.filter { $0.direction == .inbound }.map(\.text) == ["hello", "Riverside", "Parent Cafe"])
        #expect(lines[1].text.contains("FlowLinks"))
        #expect(lines.allSatisfy { $0.participant == nil || $0.participant == "sam" })
    }

    @Test func aChangedAnswerKeepsItsHistory() async throws {
        let database = try SQLiteDatabase.inMemory()
        let clock = TestClock()
        let outcome = try #require(
            try await say(["hello", "Riverside", "Parent Cafe", "back", "Parent Café Plus"], to: database, clock: clock))
        let history = try database.answerHistory(ofSession: outcome.sessionID ?? -1).filter { $0.stepId == "initiative" }
        #expect(history.map(\.text) == ["Parent Cafe", "Parent Café Plus"])
        #expect(history[0].replacedAt != nil)
        #expect(history[1].replacedAt == nil)
    }

    @Test func aFinishedSessionStoresItsResult() async throws {
        let database = try SQLiteDatabase.inMemory()
        let clock = TestClock()
        let outcome = try #require(try await say(["hello"] + SampleAnswers.complete, to: database, clock: clock))
        #expect(outcome.status == .completed)
        let sessionID = try #require(outcome.sessionID)
        let result = try #require(try database.result(ofSession: sessionID))
        #expect(result.recommendedLevel == EngagementLevel.involving.rawValue)
        #expect(result.contentVersion == DefaultPrompts.script.version)
        #expect(result.result.parts.count >= 5)
    }

    @Test func deleteMyDataErasesEveryRowOfTheSession() async throws {
        let database = try SQLiteDatabase.inMemory()
        let clock = TestClock()
        let other = ConversationKey(channel: "repl", conversation: "team-b")
        _ = try await database.conversations.converse(InboundMessage(key: other, text: "hello"), engine: engine, now: clock.now)
        let before = try database.rowCounts()
        let outcome = try await #require(
            try await say(["hello"] + SampleAnswers.complete + ["delete my data", "yes"], to: database, clock: clock))
        #expect(outcome.sessionID == nil)
        #expect(outcome.replies.first?.text.contains("deleted") == true)
        #expect(try database.rowCounts() == before)
        #expect(try database.currentSession(key) == nil)
    }

    @Test func restartKeepsTheFinishedSessionAndStartsANewOne() async throws {
        let database = try SQLiteDatabase.inMemory()
        let clock = TestClock()
        let finished = try #require(try await say(["hello"] + SampleAnswers.complete, to: database, clock: clock)?.sessionID)
        let outcome = try #require(try await say(["restart", "yes"], to: database, clock: clock))
        let fresh = try #require(outcome.sessionID)
        #expect(fresh != finished)
        #expect(try database.session(id: finished)?.status == .completed)
        #expect(try database.result(ofSession: finished) != nil)
        #expect(try database.currentSession(key)?.id == fresh)
    }

    @Test func restartingAnUnfinishedSessionMarksItAbandoned() async throws {
        let database = try SQLiteDatabase.inMemory()
        let clock = TestClock()
        let first = try await #require(try await say(["hello", "Riverside"], to: database, clock: clock)?.sessionID)
        try await say(["restart", "yes"], to: database, clock: clock)
        #expect(try database.session(id: first)?.status == .abandoned)
    }

    @Test func sessionsRecordTheContentVersionTheyRanWith() async throws {
        let database = try SQLiteDatabase.inMemory()
        let clock = TestClock()
        let id = try #require(try await say(["hello"], to: database, clock: clock)?.sessionID)
        #expect(try database.session(id: id)?.contentVersion == DefaultPrompts.script.version)
    }

    @Test func pauseFromTheTerminalIsResumable() async throws {
        let database = try SQLiteDatabase.inMemory()
        let clock = TestClock()
        try await say(["hello", "Riverside"], to: database, clock: clock)
        let paused = try #require(try await database.conversations.pause(key, engine: engine, now: clock.now))
        #expect(paused.status == .paused)
        let resumed = try await #require(try await say(["I'm back"], to: database, clock: clock))
        #expect(resumed.status == .active)
        #expect(resumed.replies.last?.text.contains("Which program") == true)
    }
}

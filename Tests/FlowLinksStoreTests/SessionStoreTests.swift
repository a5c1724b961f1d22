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
    func say(_ texts: [String], to database: AppDatabase, clock: inout TestClock) throws -> TurnOutcome? {
        var outcome: TurnOutcome?
        for text in texts {
            clock.advance(60)
            outcome = try database.converse(
                InboundMessage(key: key, participant: "sam", text: text), engine: engine, now: clock.now)
        }
        return outcome
    }

    @Test func aSessionResumesAfterReopeningTheDatabaseAtTheSameQuestion() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("flowlinks-\(UUID()).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        var clock = TestClock()
        do {
            let database = try AppDatabase.open(path: path)
            _ = try database.open(key, participant: "sam", engine: engine, now: clock.now)
            try say(Array(SampleAnswers.throughDesiredLevel.prefix(6)), to: database, clock: &clock)
        }
        let reopened = try AppDatabase.open(path: path)
        clock.advance(60)
        let outcome = try reopened.open(key, participant: "sam", engine: engine, now: clock.now)
        #expect(outcome.replies.first?.text.contains("Welcome back") == true)
        #expect(outcome.replies.last?.text.contains("How do resources and funding") == true)
        let sessionID = try #require(outcome.sessionID)
        let state = try #require(try reopened.state(ofSession: sessionID))
        #expect(state.currentStep == "current_resources")
        #expect(state.answers["benefit"]?.text == "partners reach families we can't")
    }

    @Test func aReadingWaitingForYesIsKeptWithTheSessionAcrossAReopening() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("flowlinks-\(UUID()).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        var clock = TestClock()
        let sessionID: Int64
        do {
            let database = try AppDatabase.open(path: path)
            let asked = try #require(
                try say(
                    ["hello"] + SampleAnswers.throughDesiredLevel.dropLast() + ["a partnership, like the clinic"], to: database,
                    clock: &clock))
            #expect(asked.reading == ReadingEvent(step: "desired_level", outcome: .confirming))
            sessionID = try #require(asked.sessionID)
        }
        let reopened = try AppDatabase.open(path: path)
        let waiting = try #require(try reopened.state(ofSession: sessionID))
        #expect(waiting.pendingReading == PendingReading(optionID: "aligning", note: "a partnership, like the clinic"))
        let confirmed = try #require(try say(["yes"], to: reopened, clock: &clock))
        #expect(confirmed.reading == ReadingEvent(step: "desired_level", outcome: .confirmed))
        let state = try #require(try reopened.state(ofSession: sessionID))
        #expect(state.pendingReading == nil)
        #expect(state.answers["desired_level"]?.optionID == "aligning")
        #expect(state.answers["desired_level"]?.text == "a partnership, like the clinic")
    }

    @Test func theTranscriptHoldsEveryMessageInAndOutInOrder() throws {
        let database = try AppDatabase.inMemory()
        var clock = TestClock()
        let outcome = try #require(try say(["hello", "Riverside", "Parent Cafe"], to: database, clock: &clock))
        let lines = try database.transcript(ofSession: outcome.sessionID ?? -1)
        #expect(lines.map(\.direction) == [.inbound, .outbound, .outbound, .inbound, .outbound, .inbound, .outbound])
        #expect(lines.filter { $0.direction == .inbound }.map(\.text) == ["hello", "Riverside", "Parent Cafe"])
        #expect(lines[1].text.contains("FlowLinks"))
        #expect(lines.allSatisfy { $0.participant == nil || $0.participant == "sam" })
    }

    @Test func aChangedAnswerKeepsItsHistory() throws {
        let database = try AppDatabase.inMemory()
        var clock = TestClock()
        let outcome = try #require(
            try say(["hello", "Riverside", "Parent Cafe", "back", "Parent Café Plus"], to: database, clock: &clock))
        let history = try database.answerHistory(ofSession: outcome.sessionID ?? -1).filter { $0.stepId == "initiative" }
        #expect(history.map(\.text) == ["Parent Cafe", "Parent Café Plus"])
        #expect(history[0].replacedAt != nil)
        #expect(history[1].replacedAt == nil)
    }

    @Test func aFinishedSessionStoresItsResult() throws {
        let database = try AppDatabase.inMemory()
        var clock = TestClock()
        let outcome = try #require(try say(["hello"] + SampleAnswers.complete, to: database, clock: &clock))
        #expect(outcome.status == .completed)
        let sessionID = try #require(outcome.sessionID)
        let result = try #require(try database.result(ofSession: sessionID))
        #expect(result.recommendedLevel == EngagementLevel.involving.rawValue)
        #expect(result.contentVersion == DefaultPrompts.script.version)
        #expect(result.result.parts.count >= 5)
    }

    @Test func deleteMyDataErasesEveryRowOfTheSession() throws {
        let database = try AppDatabase.inMemory()
        var clock = TestClock()
        let other = ConversationKey(channel: "repl", conversation: "team-b")
        _ = try database.converse(InboundMessage(key: other, text: "hello"), engine: engine, now: clock.now)
        let before = try database.rowCounts()
        let outcome = try #require(
            try say(["hello"] + SampleAnswers.complete + ["delete my data", "yes"], to: database, clock: &clock))
        #expect(outcome.sessionID == nil)
        #expect(outcome.replies.first?.text.contains("deleted") == true)
        #expect(try database.rowCounts() == before)
        #expect(try database.currentSession(key) == nil)
    }

    @Test func restartKeepsTheFinishedSessionAndStartsANewOne() throws {
        let database = try AppDatabase.inMemory()
        var clock = TestClock()
        let finished = try #require(try say(["hello"] + SampleAnswers.complete, to: database, clock: &clock)?.sessionID)
        let outcome = try #require(try say(["restart", "yes"], to: database, clock: &clock))
        let fresh = try #require(outcome.sessionID)
        #expect(fresh != finished)
        #expect(try database.session(id: finished)?.status == .completed)
        #expect(try database.result(ofSession: finished) != nil)
        #expect(try database.currentSession(key)?.id == fresh)
    }

    @Test func restartingAnUnfinishedSessionMarksItAbandoned() throws {
        let database = try AppDatabase.inMemory()
        var clock = TestClock()
        let first = try #require(try say(["hello", "Riverside"], to: database, clock: &clock)?.sessionID)
        try say(["restart", "yes"], to: database, clock: &clock)
        #expect(try database.session(id: first)?.status == .abandoned)
    }

    @Test func sessionsRecordTheContentVersionTheyRanWith() throws {
        let database = try AppDatabase.inMemory()
        var clock = TestClock()
        let id = try #require(try say(["hello"], to: database, clock: &clock)?.sessionID)
        #expect(try database.session(id: id)?.contentVersion == DefaultPrompts.script.version)
    }

    @Test func pauseFromTheTerminalIsResumable() throws {
        let database = try AppDatabase.inMemory()
        var clock = TestClock()
        try say(["hello", "Riverside"], to: database, clock: &clock)
        let paused = try #require(try database.pause(key, engine: engine, now: clock.now))
        #expect(paused.status == .paused)
        let resumed = try #require(try say(["I'm back"], to: database, clock: &clock))
        #expect(resumed.status == .active)
        #expect(resumed.replies.last?.text.contains("Which program") == true)
    }
}

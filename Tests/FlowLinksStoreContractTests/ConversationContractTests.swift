import FlowLinksCore
import FlowLinksStore
import FlowLinksTesting
import Foundation
import Testing

@Suite("Conversations: a session from hello to its result, kept across replicas, changed and erased")
struct ConversationContractTests {
    let engine = Engine(script: DefaultPrompts.script)
    let key = ConversationKey(channel: "repl", conversation: "team-a")

    /// Sends the texts one by one, a minute apart, and returns the last outcome.
    @discardableResult
    func say(_ texts: [String], to store: any ConversationStore, clock: TestClock) async throws -> TurnOutcome? {
        var outcome: TurnOutcome?
        for text in texts {
            clock.advance(60)
            outcome = try await store.converse(
                InboundMessage(key: key, participant: "sam", text: text), engine: engine, now: clock.now)
        }
        return outcome
    }

    @Test(arguments: StoreBackend.available)
    func aWholeSessionEndsWithItsResultAndTranscript(backend: StoreBackend) async throws {
        try await backend.withStores { database in
            let clock = TestClock()
            let start = clock.now
            let outcome = try #require(
                try await say(["hello"] + SampleAnswers.complete, to: database.conversations, clock: clock))
            #expect(outcome.status == .completed)
            #expect(outcome.replies.contains { $0.text.contains("Involving") })
            let sessionID = try #require(outcome.sessionID)
            #expect(try await database.rows.rowCounts()["results"] == 1)
            let lines = try await database.conversations.transcript(ofSession: sessionID)
            #expect(lines.filter { $0.direction == .inbound }.map(\.text) == ["hello"] + SampleAnswers.complete)
            #expect(lines.allSatisfy { $0.sessionId == sessionID && $0.createdAt > start })
            #expect(lines.contains { $0.choices?.isEmpty == false }, "the buttons of a choice question are kept")
            let current = try #require(try await database.conversations.currentSession(key))
            #expect(current.id == sessionID)
            #expect(current.status == .completed)
            #expect(current.participant == "sam")
            #expect(current.contentVersion == DefaultPrompts.script.version)
        }
    }

    @Test(arguments: StoreBackend.available)
    func aSessionResumesOnAnotherReplicaAtTheSameQuestion(backend: StoreBackend) async throws {
        try await backend.withStores { database in
            let clock = TestClock()
            _ = try await database.conversations.open(key, participant: "sam", engine: engine, now: clock.now)
            try await say(Array(SampleAnswers.throughDesiredLevel.prefix(6)), to: database.conversations, clock: clock)
            clock.advance(60)
            let outcome = try await database.replica.conversations.open(key, participant: "sam", engine: engine, now: clock.now)
            #expect(outcome.replies.first?.text.contains("Welcome back") == true)
            #expect(outcome.replies.last?.text.contains("How do resources and funding") == true)
            #expect(try await database.replica.conversations.currentSession(key)?.currentStep == "current_resources")
        }
    }

    @Test(arguments: StoreBackend.available)
    func aPausedSessionResumes(backend: StoreBackend) async throws {
        try await backend.withStores { database in
            let clock = TestClock()
            try await say(["hello", "Riverside"], to: database.conversations, clock: clock)
            let paused = try #require(try await database.conversations.pause(key, engine: engine, now: clock.now))
            #expect(paused.status == .paused)
            #expect(try await database.conversations.pause(key, engine: engine, now: clock.now) == nil)
            let resumed = try #require(try await say(["I'm back"], to: database.replica.conversations, clock: clock))
            #expect(resumed.status == .active)
            #expect(resumed.replies.last?.text.contains("Which program") == true)
        }
    }

    @Test(arguments: StoreBackend.available)
    func aChangedAnswerKeepsItsHistory(backend: StoreBackend) async throws {
        try await backend.withStores { database in
            let clock = TestClock()
            let outcome = try #require(
                try await say(
                    ["hello", "Riverside", "Parent Cafe", "back", "Parent Café Plus"], to: database.conversations, clock: clock))
            let history = try await database.rows.answerHistory(ofSession: try #require(outcome.sessionID))
            #expect(history == ["organization: Riverside", "initiative: Parent Cafe (replaced)", "initiative: Parent Café Plus"])
        }
    }

    @Test(arguments: StoreBackend.available)
    func restartAbandonsAnUnfinishedSessionAndStartsANewOne(backend: StoreBackend) async throws {
        try await backend.withStores { database in
            let clock = TestClock()
            let first = try #require(try await say(["hello", "Riverside"], to: database.conversations, clock: clock)?.sessionID)
            let outcome = try #require(try await say(["restart", "yes"], to: database.conversations, clock: clock))
            let fresh = try #require(outcome.sessionID)
            #expect(fresh != first)
            #expect(try await database.rows.status(ofSession: first) == .abandoned)
            #expect(try await database.conversations.currentSession(key)?.id == fresh)
            #expect(try await database.rows.answerHistory(ofSession: fresh).isEmpty)
        }
    }

    @Test(arguments: StoreBackend.available)
    func deleteMyDataErasesTheConversationsSessionsOnly(backend: StoreBackend) async throws {
        try await backend.withStores { database in
            let clock = TestClock()
            let other = ConversationKey(channel: "repl", conversation: "team-b")
            _ = try await database.conversations.converse(
                InboundMessage(key: other, text: "hello"), engine: engine, now: clock.now)
            let before = try await database.rows.rowCounts()
            try await say(["hello", "Riverside", "restart", "yes", "Second Try Org"], to: database.conversations, clock: clock)
            let outcome = try #require(try await say(["delete my data", "yes"], to: database.conversations, clock: clock))
            #expect(outcome.sessionID == nil)
            #expect(outcome.replies.first?.text.contains("deleted") == true)
            #expect(try await database.rows.rowCounts() == before, "the abandoned session went too")
            #expect(try await database.conversations.currentSession(key) == nil)
            #expect(try await database.conversations.currentSession(other) != nil)
        }
    }

    @Test(arguments: StoreBackend.available)
    func aKeyWithANulCharacterIsRefused(backend: StoreBackend) async throws {
        try await backend.withStores { database in
            let bad = ConversationKey(channel: "repl", conversation: "team\u{0}a")
            await #expect(throws: StoreInputError.nulInKey("conversation")) {
                try await database.conversations.converse(InboundMessage(key: bad, text: "hello"), engine: engine, now: Date())
            }
            let counts = try await database.rows.rowCounts()
            #expect(counts["sessions"] == 0)
        }
    }
}

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

    @Test(arguments: ConversationBackend.available)
    func aWholeSessionEndsWithItsResultAndTranscript(backend: ConversationBackend) async throws {
        try await backend.withConversations { database in
            let clock = TestClock()
            let start = clock.now
            let outcome = try #require(try await say(["hello"] + SampleAnswers.complete, to: database.store, clock: clock))
            #expect(outcome.status == .completed)
            #expect(outcome.replies.contains { $0.text.contains("Involving") })
            let sessionID = try #require(outcome.sessionID)
            #expect(try await database.query.rowCounts()["results"] == 1)
            let lines = try await database.store.transcript(ofSession: sessionID)
            #expect(lines.filter { $0.direction == .inbound }.map(\.text) == ["hello"] + SampleAnswers.complete)
            #expect(lines.allSatisfy { $0.sessionId == sessionID && $0.createdAt > start })
            #expect(lines.contains { $0.choices?.isEmpty == false }, "the buttons of a choice question are kept")
            let current = try #require(try await database.store.currentSession(key))
            #expect(current.id == sessionID)
            #expect(current.status == .completed)
            #expect(current.participant == "sam")
            #expect(current.contentVersion == DefaultPrompts.script.version)
        }
    }

    @Test(arguments: ConversationBackend.available)
    func aSessionResumesOnAnotherReplicaAtTheSameQuestion(backend: ConversationBackend) async throws {
        try await backend.withConversations { database in
            let clock = TestClock()
            _ = try await database.store.open(key, participant: "sam", engine: engine, now: clock.now)
            try await say(Array(SampleAnswers.throughDesiredLevel.prefix(6)), to: database.store, clock: clock)
            clock.advance(60)
            let outcome = try await database.replica.open(key, participant: "sam", engine: engine, now: clock.now)
            #expect(outcome.replies.first?.text.contains("Welcome back") == true)
            #expect(outcome.replies.last?.text.contains("How do resources and funding") == true)
            #expect(try await database.replica.currentSession(key)?.currentStep == "current_resources")
        }
    }

    @Test(arguments: ConversationBackend.available)
    func aPausedSessionResumes(backend: ConversationBackend) async throws {
        try await backend.withConversations { database in
            let clock = TestClock()
            try await say(["hello", "Riverside"], to: database.store, clock: clock)
            let paused = try #require(try await database.store.pause(key, engine: engine, now: clock.now))
            #expect(paused.status == .paused)
            #expect(try await database.store.pause(key, engine: engine, now: clock.now) == nil)
            let resumed = try #require(try await say(["I'm back"], to: database.replica, clock: clock))
            #expect(resumed.status == .active)
            #expect(resumed.replies.last?.text.contains("Which program") == true)
        }
    }

    @Test(arguments: ConversationBackend.available)
    func aChangedAnswerKeepsItsHistory(backend: ConversationBackend) async throws {
        try await backend.withConversations { database in
            let clock = TestClock()
            let outcome = try #require(
                try await say(
                    ["hello", "Riverside", "Parent Cafe", "back", "Parent Café Plus"], to: database.store, clock: clock))
            let history = try await database.query.answerHistory(ofSession: try #require(outcome.sessionID))
            #expect(history == ["organization: Riverside", "initiative: Parent Cafe (replaced)", "initiative: Parent Café Plus"])
        }
    }

    @Test(arguments: ConversationBackend.available)
    func restartAbandonsAnUnfinishedSessionAndStartsANewOne(backend: ConversationBackend) async throws {
        try await backend.withConversations { database in
            let clock = TestClock()
            let first = try #require(try await say(["hello", "Riverside"], to: database.store, clock: clock)?.sessionID)
            let outcome = try #require(try await say(["restart", "yes"], to: database.store, clock: clock))
            let fresh = try #require(outcome.sessionID)
            #expect(fresh != first)
            #expect(try await database.query.status(ofSession: first) == .abandoned)
            #expect(try await database.store.currentSession(key)?.id == fresh)
            #expect(try await database.query.answerHistory(ofSession: fresh).isEmpty)
        }
    }

    @Test(arguments: ConversationBackend.available)
    func deleteMyDataErasesTheConversationsSessionsOnly(backend: ConversationBackend) async throws {
        try await backend.withConversations { database in
            let clock = TestClock()
            let other = ConversationKey(channel: "repl", conversation: "team-b")
            _ = try await database.store.converse(InboundMessage(key: other, text: "hello"), engine: engine, now: clock.now)
            let before = try await database.query.rowCounts()
            try await say(["hello", "Riverside", "restart", "yes", "Second Try Org"], to: database.store, clock: clock)
            let outcome = try #require(try await say(["delete my data", "yes"], to: database.store, clock: clock))
            #expect(outcome.sessionID == nil)
            #expect(outcome.replies.first?.text.contains("deleted") == true)
            #expect(try await database.query.rowCounts() == before, "the abandoned session went too")
            #expect(try await database.store.currentSession(key) == nil)
            #expect(try await database.store.currentSession(other) != nil)
        }
    }

    @Test(arguments: ConversationBackend.available)
    func aKeyWithANulCharacterIsRefused(backend: ConversationBackend) async throws {
        try await backend.withConversations { database in
            let bad = ConversationKey(channel: "repl", conversation: "team\u{0}a")
            await #expect(throws: StoreInputError.nulInKey("conversation")) {
                try await database.store.converse(InboundMessage(key: bad, text: "hello"), engine: engine, now: Date())
            }
            let counts = try await database.query.rowCounts()
            #expect(counts["sessions"] == 0)
        }
    }
}

import FlowLinksCore
import FlowLinksStore
import FlowLinksTesting
import Foundation
import Testing

@Suite("Webhook turns: each event answered exactly once, in order, with its outbox rows")
struct WebhookConversationContractTests {
    let engine = Engine(script: DefaultPrompts.script)
    let now = TestClock().now

    /// The replies as platform calls, one per reply, as a channel renders them.
    static let render: @Sendable (TurnOutcome) -> ([String], [PlatformCall]) = { outcome in
        (
            outcome.replies.map(\.text),
            outcome.replies.map { PlatformCall(channel: "generic", method: "send", body: Array($0.text.utf8)) }
        )
    }

    func key(_ conversation: String) -> ConversationKey {
        ConversationKey(channel: "generic", conversation: conversation)
    }

    @discardableResult
    func send(
        _ text: String, event: String, in conversation: String = "team-a", to store: any ConversationStore
    ) async throws -> (TurnOutcome, [String]) {
        try await store.converse(
            InboundMessage(key: key(conversation), text: text), eventID: event, engine: engine, now: now, render: Self.render)
    }

    @Test(arguments: StoreBackend.available)
    func theTurnsOutboxRowsAreWrittenWithIt(backend: StoreBackend) async throws {
        try await backend.withStores { database in
            let (outcome, rendered) = try await send("hello", event: "1", to: database.conversations)
            #expect(rendered == outcome.replies.map(\.text))
            let expected = outcome.replies.map { "team-a send \($0.text) pending 0" }
            #expect(!expected.isEmpty)
            #expect(try await database.rows.outbox() == expected)
            #expect(try await database.conversations.hasProcessed(key("team-a"), eventID: "1"))
            #expect(
                !(try await database.conversations.hasProcessed(key("team-b"), eventID: "1")),
                "an event id counts per conversation")
        }
    }

    @Test(arguments: StoreBackend.available)
    func aReplayedEventGetsTheSameRepliesAndChangesNothing(backend: StoreBackend) async throws {
        try await backend.withStores { database in
            try await send("hello", event: "1", to: database.conversations)
            let (first, firstRendered) = try await send("Riverside", event: "2", to: database.conversations)
            let counts = try await database.rows.rowCounts()
            let outbox = try await database.rows.outbox()
            let (again, againRendered) = try await send("Riverside", event: "2", to: database.replica.conversations)
            #expect(again.replayed)
            #expect(!first.replayed)
            #expect(again.replies == first.replies)
            #expect(again.sessionID == first.sessionID)
            #expect(again.status == first.status)
            #expect(againRendered == firstRendered)
            #expect(try await database.rows.rowCounts() == counts)
            #expect(try await database.rows.outbox() == outbox)
        }
    }

    @Test(arguments: StoreBackend.available)
    func theSameEventSentTwiceAtOnceIsAnsweredOnce(backend: StoreBackend) async throws {
        try await backend.withStores { database in
            try await send("hello", event: "1", to: database.conversations)
            let counts = try await database.rows.rowCounts()
            let outcomes = try await withThrowingTaskGroup(of: TurnOutcome.self) { group in
                for store in [database.conversations, database.replica.conversations] {
                    group.addTask { try await send("Riverside", event: "2", to: store).0 }
                }
                return try await group.reduce(into: [TurnOutcome]()) { $0.append($1) }
            }
            #expect(outcomes.filter(\.replayed).count == 1)
            #expect(outcomes[0].replies == outcomes[1].replies)
            let after = try await database.rows.rowCounts()
            #expect(after["processed_events"] == (counts["processed_events"] ?? 0) + 1)
            #expect(after["answers"] == (counts["answers"] ?? 0) + 1)
            #expect(after["outbox"] == (counts["outbox"] ?? 0) + outcomes[0].replies.count)
        }
    }

    @Test(arguments: StoreBackend.available)
    func firstMessagesSentAtOnceToANewConversationStartOneSession(backend: StoreBackend) async throws {
        try await backend.withStores { database in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for (index, store) in [
                    database.conversations, database.replica.conversations, database.conversations,
                    database.replica.conversations,
                ].enumerated() {
                    group.addTask { try await send("hello", event: "first-\(index)", to: store) }
                }
                try await group.waitForAll()
            }
            let counts = try await database.rows.rowCounts()
            #expect(counts["sessions"] == 1, "the conversation's lock is taken before it has a row")
            #expect(counts["processed_events"] == 4)
        }
    }

    @Test(arguments: StoreBackend.available)
    func concurrentTurnsOfManyConversationsAllLandOnceAndInOrder(backend: StoreBackend) async throws {
        try await backend.withStores { database in
            let conversations = (1...10).map { "team-\($0)" }
            let texts = ["hello"] + SampleAnswers.complete
            try await withThrowingTaskGroup(of: Void.self) { group in
                for conversation in conversations {
                    group.addTask {
                        for (index, text) in texts.enumerated() {
                            // why: turns alternate between the replicas, so order is kept across them.
                            let store = index.isMultiple(of: 2) ? database.conversations : database.replica.conversations
                            try await send(text, event: "\(conversation)-\(index)", in: conversation, to: store)
                        }
                    }
                }
                try await group.waitForAll()
            }
            let counts = try await database.rows.rowCounts()
            #expect(counts["sessions"] == 10)
            #expect(counts["results"] == 10)
            #expect(counts["processed_events"] == 10 * texts.count)
            var histories: Set<[String]> = []
            for conversation in conversations {
                let session = try #require(try await database.conversations.currentSession(key(conversation)))
                #expect(session.status == .completed)
                let sessionID = try #require(session.id)
                let inbound = try await database.conversations.transcript(ofSession: sessionID).filter {
                    $0.direction == .inbound
                }
                #expect(inbound.map(\.text) == texts)
                let answers = try await database.rows.answerHistory(ofSession: sessionID)
                #expect(!answers.isEmpty && answers.count == Set(answers).count, "every answer once")
                #expect(!answers.contains { $0.hasSuffix("(replaced)") })
                histories.insert(answers)
            }
            #expect(histories.count == 1, "every conversation holds the same answers")
        }
    }
}

import FlowLinksCore
import FlowLinksTesting
import Foundation
import GRDB
import Testing

@testable import FlowLinksStore

@Suite("Webhook turns: exactly once, in order, each whole")
struct WebhookTurnTests {
    let engine = Engine(script: DefaultPrompts.script)
    let key = ConversationKey(channel: "generic", conversation: "team-a")

    func message(_ text: String) -> InboundMessage { InboundMessage(key: key, text: text) }

    @discardableResult
    func send(_ text: String, event: String, to database: SQLiteDatabase, at now: Date) async throws -> TurnOutcome {
        try await database.conversations.converse(message(text), eventID: event, engine: engine, now: now) { ($0.replies, []) }.0
    }

    @Test func aTurnsTranscriptLinesLandInOrderHowEverManyThereAre() async throws {
        let database = try SQLiteDatabase.inMemory()
        let clock = TestClock()
        let session = try await send("hello", event: "1", to: database, at: clock.now).sessionID
        let id = try #require(session)
        // why: a turn's lines go in one statement of up to eight rows; 19 lines take three.
        let lines = (1...19).map { number in
            TranscriptLine(
                sessionId: id, direction: number == 1 ? .inbound : .outbound, text: "line \(number)",
                participant: number == 1 ? "Ana" : nil, createdAt: clock.now)
        }
        try await database.writer.write { db in try TranscriptLine.write(lines, db) }
        let stored = try database.transcript(ofSession: id).suffix(19)
        #expect(stored.map(\.text) == (1...19).map { "line \($0)" })
        #expect(stored.first?.participant == "Ana")
        #expect(stored.first?.direction == .inbound)
        #expect(stored.dropFirst().allSatisfy { $0.direction == .outbound && $0.participant == nil })
    }

    @Test func manyConcurrentTurnsOfManyConversationsAllLandOnceAndInOrder() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("group-\(UUID()).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let database = try SQLiteDatabase.open(path: path)
        let clock = TestClock()
        let conversations = (1...20).map { "team-\($0)" }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for conversation in conversations {
                group.addTask {
                    let key = ConversationKey(channel: "generic", conversation: conversation)
                    for (index, text) in (["hello"] + SampleAnswers.complete).enumerated() {
                        _ = try await database.conversations.converse(
                            InboundMessage(key: key, text: text), eventID: "\(conversation)-\(index)", engine: engine,
                            now: clock.now
                        ) { ($0.replies, []) }
                    }
                }
            }
            try await group.waitForAll()
        }
        let counts = try database.rowCounts()
        #expect(counts["sessions"] == 20)
        #expect(counts["results"] == 20)
        #expect(counts["processed_events"] == 20 * 14)
        for conversation in conversations {
            let session = try #require(try database.currentSession(.init(channel: "generic", conversation: conversation)))
            let inbound = try database.transcript(ofSession: session.id ?? 0).filter { $0.direction == .inbound }
            #expect(inbound.map(\.text) == ["hello"] + SampleAnswers.complete)
        }
    }

    @Test func aFailingTurnDoesNotTakeItsBatchDown() async throws {
        let database = try SQLiteDatabase.inMemory()
        let failing = Task {
            try await database.turns.write { db in try db.execute(sql: "INSERT INTO no_such_table VALUES (1)") }
        }
        let working = Task {
            try await database.turns.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO sessions (channel, conversation, status, content_version, created_at, updated_at)
                        VALUES ('c', 'k', 'active', 'v', 0, 0)
                        """)
                return db.lastInsertedRowID
            }
        }
        await #expect(throws: DatabaseError.self) { try await failing.value }
        #expect(try await working.value == 1)
        #expect(try database.rowCounts()["sessions"] == 1)
    }
}

@Suite("Dedupe records from before they were scoped to a conversation")
struct DedupeMigrationTests {
    let engine = Engine(script: DefaultPrompts.script)

    @Test func anEventAnsweredBeforeTheUpgradeIsStillAReplayAfterIt() async throws {
        let folder = try TemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder.url) }
        let known = SQLiteDatabase.migrator.migrations
        let v4 = try #require(known.firstIndex { $0.hasPrefix("v4") })
        let queue = try DatabaseQueue(path: folder.database)
        try SQLiteDatabase.migrator.migrate(queue, upTo: known[v4 - 1])
        try await queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO sessions (channel, conversation, status, current_step, content_version, created_at, updated_at)
                    VALUES ('generic', 'team-a', 'active', 'organization', 'v', '2026-11-01 10:00:00.000', '2026-11-01 10:00:00.000');
                    INSERT INTO processed_events (channel, event_id, session_id, status, replies, created_at)
                    VALUES ('generic', '1', 1, 'active', '[{"text":"Welcome back","choices":[]}]', '2026-11-01 10:00:00.000');
                    """)
        }
        try queue.close()

        let database = try SQLiteDatabase.open(path: folder.database)
        let key = ConversationKey(channel: "generic", conversation: "team-a")
        let replay = try await database.conversations.converse(
            InboundMessage(key: key, text: "hello"), eventID: "1", engine: engine, now: Date()
        ) {
            ($0.replies, [])
        }.0
        #expect(replay.replayed)
        #expect(replay.replies.map(\.text) == ["Welcome back"])
        let other = ConversationKey(channel: "generic", conversation: "team-b")
        let fresh = try await database.conversations.converse(
            InboundMessage(key: other, text: "hello"), eventID: "1", engine: engine, now: Date()
        ) {
            ($0.replies, [])
        }.0
        #expect(!fresh.replayed)
    }
}

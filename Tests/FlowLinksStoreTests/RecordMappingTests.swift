import FlowLinksCore
import FlowLinksTesting
import Foundation
import GRDB
import Testing

@testable import FlowLinksStore

@Suite("Records map to their columns both ways")
struct RecordMappingTests {
    let engine = Engine(script: DefaultPrompts.script)
    let key = ConversationKey(channel: "repl", conversation: "a")

    func startedSession(in database: SQLiteDatabase) async throws -> Int64 {
        try #require(try await database.conversations.open(key, participant: nil, engine: engine, now: TestClock().now).sessionID)
    }

    @Test func anAnswerInsertedAsARecordIsReadBackAsTheCurrentAnswer() async throws {
        let database = try SQLiteDatabase.inMemory()
        let id = try await startedSession(in: database)
        let record = try await database.writer.write { db in
            var record = AnswerRecord(
                sessionId: id, stepId: "organization", optionId: nil, text: "Riverside", skipped: false,
                answeredAt: TestClock().now)
            try record.insert(db)
            return record
        }
        #expect(record.id != nil)
        #expect(try database.state(ofSession: id)?.answers["organization"]?.text == "Riverside")
    }

    @Test func aSessionStatusNoVersionWritesIsAnErrorNotAnActiveSession() async throws {
        let database = try SQLiteDatabase.inMemory()
        let id = try await startedSession(in: database)
        try await database.writer.write { db in
            try db.execute(sql: "UPDATE sessions SET status = 'archived' WHERE id = ?", arguments: [id])
        }
        #expect(throws: DatabaseError.self) { try database.session(id: id) }
        await #expect(throws: DatabaseError.self) { try await database.conversations.currentSession(key) }
    }

    @Test func everyEngineStatusIsStoredAndReadBackAsItself() {
        for status in SessionState.Status.allCases {
            #expect(SessionStatus(status).engineStatus == status)
        }
        #expect(SessionStatus.abandoned.engineStatus == nil)
    }
}

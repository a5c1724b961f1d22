import FlowLinksCore
import Foundation
import GRDB

/// Reading rows back as they are stored, without waiting (for tests and tools that inspect a file).
extension SQLiteDatabase {
    public func session(id: Int64) throws -> SessionRecord? {
        try writer.read { try SessionRecord.fetchOne($0, key: id) }
    }

    /// The conversation's current session (the latest one not abandoned).
    public func currentSession(_ key: ConversationKey) throws -> SessionRecord? {
        try writer.read { try SQLiteConversationStore.currentSession($0, key) }
    }

    /// The engine state of a session, as the next turn would see it; `nil` for an abandoned one.
    public func state(ofSession id: Int64) throws -> SessionState? {
        try writer.read { db in
            guard let session = try SessionRecord.fetchOne(db, key: id), session.status != .abandoned else { return nil }
            return try SQLiteConversationStore.state(db, session)
        }
    }

    /// Every message in and out, oldest first.
    public func transcript(ofSession id: Int64) throws -> [TranscriptLine] {
        try writer.read { try TranscriptLine.filter(Column("session_id") == id).order(Column("id")).fetchAll($0) }
    }

    /// Every answer ever given, replaced ones included, oldest first.
    public func answerHistory(ofSession id: Int64) throws -> [AnswerRecord] {
        try writer.read { try AnswerRecord.filter(Column("session_id") == id).order(Column("id")).fetchAll($0) }
    }

    public func result(ofSession id: Int64) throws -> ResultRecord? {
        try writer.read { try ResultRecord.fetchOne($0, key: id) }
    }

    /// How many rows each table holds, to show that an erasure left nothing behind.
    public func rowCounts() throws -> [String: Int] {
        try writer.read { db in try Self.rowCounts(db) }
    }

    static func rowCounts(_ db: Database) throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for table in ["sessions", "answers", "transcript", "results", "processed_events", "outbox"] {
            counts[table] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0
        }
        return counts
    }
}

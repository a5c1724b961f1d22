import FlowLinksCore
import Foundation
import GRDB

/// What a facilitator or a tool reads back.
extension AppDatabase {
    public func session(id: Int64) throws -> SessionRecord? {
        try writer.read { try SessionRecord.fetchOne($0, key: id) }
    }

    /// The conversation's current session (the latest one not abandoned).
    public func currentSession(_ key: ConversationKey) throws -> SessionRecord? {
        try writer.read { try Self.currentSession($0, key) }
    }

    /// The engine state of a session, as the next turn would see it.
    public func state(ofSession id: Int64) throws -> SessionState? {
        try writer.read { db in try SessionRecord.fetchOne(db, key: id).map { try Self.state(db, $0) } }
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
        try writer.read { db in
            var counts: [String: Int] = [:]
            for table in ["sessions", "answers", "transcript", "results", "processed_events", "outbox"] {
                counts[table] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0
            }
            return counts
        }
    }
}

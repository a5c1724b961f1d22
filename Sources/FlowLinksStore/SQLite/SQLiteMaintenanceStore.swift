import Foundation
import GRDB

/// How many rows a purge deleted, or would delete, table by table.
public struct PurgeCounts: Sendable, Equatable {
    public var sessions = 0
    public var answers = 0
    public var transcriptLines = 0
    public var results = 0
    public var facilitatorNotes = 0
    public var processedEvents = 0
    public var outboxCalls = 0

    public init() {}

    package static func + (left: PurgeCounts, right: PurgeCounts) -> PurgeCounts {
        var sum = PurgeCounts()
        sum.sessions = left.sessions + right.sessions
        sum.answers = left.answers + right.answers
        sum.transcriptLines = left.transcriptLines + right.transcriptLines
        sum.results = left.results + right.results
        sum.facilitatorNotes = left.facilitatorNotes + right.facilitatorNotes
        sum.processedEvents = left.processedEvents + right.processedEvents
        sum.outboxCalls = left.outboxCalls + right.outboxCalls
        return sum
    }
}

/// Maintenance on SQLite. The purge goes in batches, each in its own transaction, so the server's
/// turns never wait long for the write lock.
public struct SQLiteMaintenanceStore: MaintenanceStore {
    let writer: any DatabaseWriter

    public init(writer: any DatabaseWriter) {
        self.writer = writer
    }

    public func isReachable() async -> Bool {
        (try? await writer.read { try Int.fetchOne($0, sql: "SELECT 1") }) == 1
    }

    public func rowCounts() async throws -> [String: Int] {
        try await writer.read { db in try SQLiteDatabase.rowCounts(db) }
    }
}

extension SQLiteMaintenanceStore {
    public func purge(before cutoff: Date, dryRun: Bool, batchSize: Int) async throws -> PurgeCounts {
        let old = Condition(sql: "updated_at < ?", arguments: [cutoff])
        if dryRun {
            return try await writer.read { db in
                try Self.count(db, sessions: old) + Self.countOrphans(db, before: cutoff)
            }
        }
        var total = PurgeCounts()
        while true {
            let batch = try await writer.write { db in
                let ids = try Int64.fetchAll(
                    db, sql: "SELECT id FROM sessions WHERE updated_at < ? ORDER BY id LIMIT ?", arguments: [cutoff, batchSize])
                let chosen = Condition(
                    sql: "id IN (\(databaseQuestionMarks(count: ids.count)))", arguments: StatementArguments(ids))
                let counts = try Self.count(db, sessions: chosen)
                // why: the sessions' answers, transcript, result, notes, dedupe and outbox rows go with them (ON DELETE CASCADE).
                try db.execute(sql: "DELETE FROM sessions WHERE \(chosen.sql)", arguments: chosen.arguments)
                return counts
            }
            total = total + batch
            if batch.sessions < batchSize { break }
        }
        let orphans = try await writer.write { db in
            let orphans = try Self.countOrphans(db, before: cutoff)
            try db.execute(sql: "DELETE FROM processed_events WHERE \(Self.orphanEvents)", arguments: [cutoff])
            try db.execute(sql: "DELETE FROM outbox WHERE \(Self.orphanCalls)", arguments: [cutoff])
            return orphans
        }
        return total + orphans
    }

    /// A WHERE clause on `sessions` with its arguments.
    private struct Condition {
        let sql: String
        let arguments: StatementArguments
    }

    private static let orphanEvents = "session_id IS NULL AND created_at < ?"
    /// Pending calls are kept: they are still to be delivered.
    private static let orphanCalls = "session_id IS NULL AND status IN ('sent', 'failed') AND created_at < ?"

    /// The rows of the sessions that match, theirs included.
    private static func count(_ db: Database, sessions condition: Condition) throws -> PurgeCounts {
        func rows(_ table: String) throws -> Int {
            try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM \(table) WHERE session_id IN (SELECT id FROM sessions WHERE \(condition.sql))",
                arguments: condition.arguments) ?? 0
        }
        var counts = PurgeCounts()
        counts.sessions =
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sessions WHERE \(condition.sql)", arguments: condition.arguments) ?? 0
        counts.answers = try rows("answers")
        counts.transcriptLines = try rows("transcript")
        counts.results = try rows("results")
        counts.facilitatorNotes = try rows("facilitator_notes")
        counts.processedEvents = try rows("processed_events")
        counts.outboxCalls = try rows("outbox")
        return counts
    }

    private static func countOrphans(_ db: Database, before cutoff: Date) throws -> PurgeCounts {
        var counts = PurgeCounts()
        counts.processedEvents =
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM processed_events WHERE \(orphanEvents)", arguments: [cutoff]) ?? 0
        counts.outboxCalls =
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM outbox WHERE \(orphanCalls)", arguments: [cutoff]) ?? 0
        return counts
    }
}

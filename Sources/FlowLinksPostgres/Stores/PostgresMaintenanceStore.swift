import FlowLinksStore
import Foundation
import PostgresNIO

/// Maintenance on PostgreSQL: reachability, row counts and the retention purge, which goes in
/// batches, each in its own transaction, so no turn waits long behind it.
public struct PostgresMaintenanceStore: MaintenanceStore {
    let database: PostgreSQLDatabase

    public init(database: PostgreSQLDatabase) {
        self.database = database
    }

    /// The tables whose rows `rowCounts()` counts, as SQLite's store names them.
    static let countedTables = ["sessions", "answers", "transcript", "results", "processed_events", "outbox"]

    public func isReachable() async -> Bool {
        await database.isReachable()
    }

    public func rowCounts() async throws -> [String: Int] {
        try await database.transaction { connection in
            var counts: [String: Int] = [:]
            for table in Self.countedTables {
                counts[table] =
                    try await connection.query("SELECT COUNT(*) FROM \(unescaped: table)", logger: database.logger)
                    .column(Int.self).first ?? 0
            }
            return counts
        }
    }
}

extension PostgresMaintenanceStore {
    private static let orphanEvents = "session_id IS NULL AND created_at < $1"
    /// Pending calls are kept: they are still to be delivered.
    private static let orphanCalls = "session_id IS NULL AND status IN ('sent', 'failed') AND created_at < $1"

    public func purge(before cutoff: Date, dryRun: Bool, batchSize: Int) async throws -> PurgeCounts {
        if dryRun {
            return try await database.transaction { connection in
                let ids = try await connection.query(
                    "SELECT id FROM sessions WHERE updated_at < \(cutoff)", logger: database.logger
                ).column(Int64.self)
                return try await count(sessions: ids, on: connection) + countOrphans(before: cutoff, on: connection)
            }
        }
        var total = PurgeCounts()
        while true {
            let batch = try await database.transaction { connection in
                // why: SKIP LOCKED leaves a session a turn is writing to now for the next purge.
                let ids = try await connection.query(
                    """
                    SELECT id FROM sessions WHERE updated_at < \(cutoff) ORDER BY id LIMIT \(batchSize)
                    FOR UPDATE SKIP LOCKED
                    """, logger: database.logger
                ).column(Int64.self)
                let counts = try await count(sessions: ids, on: connection)
                // why: the sessions' answers, transcript, result, notes, dedupe and outbox rows go with them (ON DELETE CASCADE).
                try await connection.query("DELETE FROM sessions WHERE id = ANY(\(ids))", logger: database.logger).drain()
                return counts
            }
            total = total + batch
            if batch.sessions < batchSize { break }
        }
        let orphans = try await database.transaction { connection in
            let orphans = try await countOrphans(before: cutoff, on: connection)
            try await connection.query(
                orphanQuery("DELETE FROM processed_events", Self.orphanEvents, cutoff), logger: database.logger
            ).drain()
            try await connection.query(orphanQuery("DELETE FROM outbox", Self.orphanCalls, cutoff), logger: database.logger)
                .drain()
            return orphans
        }
        return total + orphans
    }

    /// The rows of these sessions, theirs included.
    private func count(sessions ids: [Int64], on connection: PostgresConnection) async throws -> PurgeCounts {
        // why: the tables that hold a session's rows, with the count each adds to.
        let tables: [(String, WritableKeyPath<PurgeCounts, Int>)] = [
            ("answers", \.answers), ("transcript", \.transcriptLines), ("results", \.results),
            ("facilitator_notes", \.facilitatorNotes), ("processed_events", \.processedEvents), ("outbox", \.outboxCalls),
        ]
        var counts = PurgeCounts()
        counts.sessions = ids.count
        for (table, keyPath) in tables {
            counts[keyPath: keyPath] =
                try await connection.query(
                    "SELECT COUNT(*) FROM \(unescaped: table) WHERE session_id = ANY(\(ids))", logger: database.logger
                ).column(Int.self).first ?? 0
        }
        return counts
    }

    private func countOrphans(before cutoff: Date, on connection: PostgresConnection) async throws -> PurgeCounts {
        var counts = PurgeCounts()
        counts.processedEvents =
            try await connection.query(
                orphanQuery("SELECT COUNT(*) FROM processed_events", Self.orphanEvents, cutoff), logger: database.logger
            ).column(Int.self).first ?? 0
        counts.outboxCalls =
            try await connection.query(
                orphanQuery("SELECT COUNT(*) FROM outbox", Self.orphanCalls, cutoff), logger: database.logger
            ).column(Int.self).first ?? 0
        return counts
    }

    /// `statement WHERE condition`, with `cutoff` bound as the condition's `$1`.
    private func orphanQuery(_ statement: String, _ condition: String, _ cutoff: Date) -> PostgresQuery {
        var bindings = PostgresBindings()
        bindings.append(cutoff)
        return PostgresQuery(unsafeSQL: "\(statement) WHERE \(condition)", binds: bindings)
    }
}

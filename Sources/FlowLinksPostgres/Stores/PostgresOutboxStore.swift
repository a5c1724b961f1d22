import FlowLinksCore
import FlowLinksStore
import Foundation
import PostgresNIO

/// The outbox on PostgreSQL, shared by several replicas. A claim sets the call's `claimed_until`
/// (its lease) under `FOR UPDATE SKIP LOCKED`, so two replicas claiming at once never get the same
/// call, and a replica that dies mid-call leaves it to another once the lease runs out.
public struct PostgresOutboxStore: OutboxStore {
    let database: PostgreSQLDatabase

    public init(database: PostgreSQLDatabase) {
        self.database = database
    }

    /// A call with no older pending call of its conversation: the one its conversation makes next.
    // why: `o` is the outer row; the partial index `outbox_pending_by_conversation` answers this.
    static let isConversationHead = """
        NOT EXISTS (SELECT 1 FROM outbox AS older
                    WHERE older.status = 'pending' AND older.channel = o.channel
                      AND older.conversation = o.conversation AND older.id < o.id)
        """

    public func claimDueDeliveries(at now: Date, lease: TimeInterval, limit: Int) async throws -> [OutboxRecord] {
        let until = now.addingTimeInterval(lease)
        // why: one statement, so the pick and the claim are one transaction; a row another replica
        // is claiming is skipped (it is theirs), and one it claimed meanwhile fails the recheck of
        // `claimed_until` that PostgreSQL makes on the locked row's newest version.
        let rows = try await database.client.query(
            """
            WITH due AS (
                SELECT id FROM outbox AS o
                WHERE status = 'pending' AND next_attempt_at <= \(now)
                  AND (claimed_until IS NULL OR claimed_until <= \(now))
                  AND \(unescaped: Self.isConversationHead)
                ORDER BY id LIMIT \(limit)
                FOR UPDATE SKIP LOCKED
            )
            UPDATE outbox SET claimed_until = \(until) WHERE id IN (SELECT id FROM due)
            RETURNING \(unescaped: OutboxRecord.postgresColumns)
            """, logger: database.logger)
        return try await OutboxRecord.all(in: rows).sorted { ($0.id ?? 0) < ($1.id ?? 0) }
    }

    /// When the next conversation's call falls due or its lease runs out, whichever is later for
    /// that call; calls waiting behind their conversation's first are not counted, since they
    /// cannot go before it.
    public func nextDeliveryDate() async throws -> Date? {
        let rows = try await database.client.query(
            """
            SELECT MIN(GREATEST(next_attempt_at, claimed_until)) FROM outbox AS o
            WHERE status = 'pending' AND \(unescaped: Self.isConversationHead)
            """, logger: database.logger)
        return try await rows.column(Date?.self).first ?? nil
    }

    public func markDelivered(_ id: Int64, at now: Date) async throws {
        try await database.client.query(
            """
            UPDATE outbox SET status = 'sent', sent_at = \(now), attempts = attempts + 1, last_error = NULL,
                claimed_until = NULL
            WHERE id = \(id)
            """, logger: database.logger
        ).drain()
    }

    /// Records a failed attempt: retried at `retryAt`, or marked failed when `retryAt` is nil.
    public func markAttemptFailed(_ id: Int64, error: String, retryAt: Date?) async throws {
        let error = StoredText.free(error)
        if let retryAt {
            try await database.client.query(
                """
                UPDATE outbox SET attempts = attempts + 1, last_error = \(error), next_attempt_at = \(retryAt),
                    claimed_until = NULL
                WHERE id = \(id)
                """, logger: database.logger
            ).drain()
        } else {
            try await database.client.query(
                """
                UPDATE outbox SET attempts = attempts + 1, last_error = \(error), status = 'failed', claimed_until = NULL
                WHERE id = \(id)
                """, logger: database.logger
            ).drain()
        }
    }

    public func enqueue(_ entries: [PlatformCall], for key: ConversationKey, at now: Date) async throws {
        try StoredText.key(key.conversation, "conversation")
        try await database.transaction { connection in
            for entry in entries {
                try await connection.query(
                    """
                    INSERT INTO outbox (channel, conversation, method, body, status, attempts, next_attempt_at, created_at)
                    VALUES (\(entry.channel), \(key.conversation), \(entry.method), \(Data(entry.body)), 'pending', 0,
                            \(now), \(now))
                    """, logger: database.logger
                ).drain()
            }
        }
    }
}

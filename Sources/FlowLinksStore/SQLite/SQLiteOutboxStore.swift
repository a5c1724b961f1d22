import FlowLinksCore
import Foundation
import GRDB

/// The outbox on SQLite. A claim's lease is its next attempt time moved forward: the call stays
/// pending (and its conversation's later calls wait behind it) but is not due again until the lease
/// runs out, so no new column is needed.
public struct SQLiteOutboxStore: OutboxStore {
    let writer: any DatabaseWriter

    public init(writer: any DatabaseWriter) {
        self.writer = writer
    }

    public func claimDueDeliveries(at now: Date, lease: TimeInterval, limit: Int) async throws -> [OutboxRecord] {
        try await writer.write { db in
            let due = try OutboxRecord.fetchAll(
                db,
                sql: """
                    SELECT * FROM outbox AS o
                    WHERE status = 'pending' AND next_attempt_at <= ?
                      AND id = (SELECT MIN(id) FROM outbox
                                WHERE status = 'pending' AND channel = o.channel AND conversation = o.conversation)
                    ORDER BY id LIMIT ?
                    """, arguments: [now, limit])
            try OutboxRecord.filter(keys: due.compactMap(\.id))
                .updateAll(db, Column("next_attempt_at").set(to: now.addingTimeInterval(lease)))
            return due
        }
    }

    /// When a conversation's first pending call falls due or its lease runs out; the calls behind it
    /// are not counted, since they cannot go before it.
    // why: counting them made a conversation waiting on a retry (or another deliverer's claim) look
    // due now, and the delivery loop spun without a pause until the retry time.
    public func nextDeliveryDate() async throws -> Date? {
        try await writer.read { db in
            try Date.fetchOne(
                db,
                sql: """
                    SELECT MIN(next_attempt_at) FROM outbox AS o
                    WHERE status = 'pending'
                      AND id = (SELECT MIN(id) FROM outbox
                                WHERE status = 'pending' AND channel = o.channel AND conversation = o.conversation)
                    """)
        }
    }

    public func markDelivered(_ id: Int64, at now: Date) async throws {
        try await writer.write { db in
            try db.execute(
                sql: "UPDATE outbox SET status = 'sent', sent_at = ?, attempts = attempts + 1, last_error = NULL WHERE id = ?",
                arguments: [now, id])
        }
    }

    /// Records a failed attempt: retried at `retryAt`, or marked failed when `retryAt` is nil.
    public func markAttemptFailed(_ id: Int64, error: String, retryAt: Date?) async throws {
        try await writer.write { db in
            try db.execute(
                sql: """
                    UPDATE outbox SET attempts = attempts + 1, last_error = ?,
                        status = CASE WHEN ? IS NULL THEN 'failed' ELSE 'pending' END,
                        next_attempt_at = COALESCE(?, next_attempt_at)
                    WHERE id = ?
                    """, arguments: [StoredText.free(error), retryAt, retryAt, id])
        }
    }

    @discardableResult
    public func requeueAllFailedDeliveries(at now: Date) async throws -> Int {
        try await writer.write { db in
            try Self.requeue(OutboxRecord.filter(Column("status") == OutboxRecord.Status.failed.rawValue), db: db, at: now)
        }
    }

    /// Makes the calls pending again, due now, with a fresh count of attempts.
    @discardableResult
    static func requeue(_ calls: QueryInterfaceRequest<OutboxRecord>, db: Database, at now: Date) throws -> Int {
        try calls.updateAll(
            db, Column("status").set(to: OutboxRecord.Status.pending.rawValue), Column("attempts").set(to: 0),
            Column("next_attempt_at").set(to: now))
    }

    public func outboxRecord(id: Int64) async throws -> OutboxRecord? {
        try await writer.read { try OutboxRecord.fetchOne($0, key: id) }
    }

    public func enqueue(_ entries: [PlatformCall], for key: ConversationKey, at now: Date) async throws {
        try StoredText.key(key.conversation, "conversation")
        try await writer.write { db in
            for entry in entries {
                var call = OutboxRecord(
                    sessionId: nil, channel: entry.channel, conversation: key.conversation, method: entry.method,
                    body: Data(entry.body), status: .pending, attempts: 0, nextAttemptAt: now, createdAt: now)
                try call.insert(db)
            }
        }
    }
}

import Foundation
import GRDB

/// The outbox: platform API calls waiting to be made, in order per conversation.
extension AppDatabase {
    /// Pending calls that are due, at most one per conversation: the oldest, so order holds.
    public func dueDeliveries(at now: Date, limit: Int = 50) async throws -> [OutboxRecord] {
        try await writer.read { db in
            try OutboxRecord.fetchAll(
                db,
                sql: """
                    SELECT * FROM outbox AS o
                    WHERE status = 'pending' AND next_attempt_at <= ?
                      AND id = (SELECT MIN(id) FROM outbox
                                WHERE status = 'pending' AND channel = o.channel AND conversation = o.conversation)
                    ORDER BY id LIMIT ?
                    """, arguments: [now, limit])
        }
    }

    /// When the next pending call falls due, if any is waiting.
    public func nextDeliveryDate() async throws -> Date? {
        try await writer.read { db in
            try Date.fetchOne(db, sql: "SELECT MIN(next_attempt_at) FROM outbox WHERE status = 'pending'")
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

    /// Calls that gave up, newest first.
    public func failedDeliveries() async throws -> [OutboxRecord] {
        try await writer.read { db in
            try OutboxRecord.filter(Column("status") == OutboxRecord.Status.failed.rawValue).order(Column("id").desc).fetchAll(db)
        }
    }

    /// Puts failed calls back in the queue with a fresh count of attempts; `nil` re-queues all.
    @discardableResult
    public func requeueFailedDeliveries(id: Int64? = nil, at now: Date) async throws -> Int {
        try await writer.write { db in
            var request = OutboxRecord.filter(Column("status") == OutboxRecord.Status.failed.rawValue)
            if let id { request = request.filter(Column("id") == id) }
            return try Self.requeue(request, db: db, at: now)
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
}

extension AppDatabase {
    /// Queues platform calls that belong to no turn (the slow-down notice of a rate-limited
    /// conversation), after whatever the conversation already has queued.
    public func enqueue(_ entries: [OutboxEntry], for key: ConversationKey, at now: Date) async throws {
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

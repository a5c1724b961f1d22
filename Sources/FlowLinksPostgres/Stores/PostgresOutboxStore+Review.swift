import FlowLinksStore
import Foundation
import PostgresNIO

/// What an operator sees of the outbox and does with it (`flowlinks outbox list|retry`).
extension PostgresOutboxStore {
    public func outboxCalls(withStatus statuses: Set<OutboxRecord.Status>, limit: Int) async throws -> OutboxPage {
        let names = statuses.map(\.rawValue)
        return try await database.transaction { connection in
            let calls = try await OutboxRecord.all(
                in: try await connection.query(
                    """
                    SELECT \(unescaped: OutboxRecord.postgresColumns) FROM outbox WHERE status = ANY(\(names))
                    ORDER BY id DESC LIMIT \(limit)
                    """, logger: database.logger))
            let total = try await connection.query(
                "SELECT COUNT(*) FROM outbox WHERE status = ANY(\(names))", logger: database.logger
            ).column(Int.self)
            return OutboxPage(calls: calls, total: total.first ?? 0)
        }
    }

    /// Puts the failed calls with these ids back in the queue with a fresh count of attempts, in one
    /// transaction; when any id is unknown or not failed, re-queues none and says which.
    public func requeueFailedDeliveries(ids: [Int64], at now: Date) async throws -> OutboxRequeue {
        try await database.transaction { connection in
            var found: [Int64: String] = [:]
            // why: locks the calls, so a deliverer cannot change one between this look and the update.
            let rows = try await connection.query(
                "SELECT id, status FROM outbox WHERE id = ANY(\(ids)) FOR UPDATE", logger: database.logger)
            for try await (id, status) in rows.decode((Int64, String).self) { found[id] = status }
            var outcome = OutboxRequeue()
            var seen = Set<Int64>()
            for id in ids where seen.insert(id).inserted {
                switch found[id].map({ OutboxRecord.Status(rawValue: $0) }) {
                case nil: outcome.unknown.append(id)
                case .failed??: outcome.requeued.append(id)
                case let status??: outcome.notFailed[id] = status
                case .some(nil):
                    throw PostgresStoredValueError.unexpected(column: "outbox.status", value: found[id] ?? "")
                }
            }
            guard !outcome.isRefused else { return OutboxRequeue(unknown: outcome.unknown, notFailed: outcome.notFailed) }
            try await connection.query(
                """
                UPDATE outbox SET status = 'pending', attempts = 0, next_attempt_at = \(now), claimed_until = NULL
                WHERE id = ANY(\(outcome.requeued))
                """, logger: database.logger
            ).drain()
            return outcome
        }
    }

    /// Puts every failed call back in the queue; returns how many.
    @discardableResult
    public func requeueAllFailedDeliveries(at now: Date) async throws -> Int {
        try await database.client.query(
            """
            UPDATE outbox SET status = 'pending', attempts = 0, next_attempt_at = \(now), claimed_until = NULL
            WHERE status = 'failed' RETURNING id
            """, logger: database.logger
        ).column(Int64.self).count
    }

    public func outboxRecord(id: Int64) async throws -> OutboxRecord? {
        try await OutboxRecord.all(
            in: try await database.client.query(
                "SELECT \(unescaped: OutboxRecord.postgresColumns) FROM outbox WHERE id = \(id)", logger: database.logger)
        ).first
    }
}

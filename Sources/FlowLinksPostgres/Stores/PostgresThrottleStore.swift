import FlowLinksStore
import Foundation
import PostgresNIO

/// The throttle buckets in the `throttles` table, so failed sign-ins count the same on every
/// replica. Each take locks its one row for the length of a short transaction.
public struct PostgresThrottleStore: ThrottleStore {
    let database: PostgreSQLDatabase

    public init(database: PostgreSQLDatabase) {
        self.database = database
    }

    public func take(_ limit: ThrottleLimit, key: String, at time: Date) async throws -> Bool {
        let logger = database.logger
        let key = StoredText.free(key)
        return try await database.transaction { connection in
            // why: a bucket untouched for its refill time is full, no different from none; dropping
            // them keeps a flood of addresses from growing the table without end. Rows another
            // sign-in holds are skipped, so two clean-ups never wait on (or deadlock with) each other.
            let stale = time.addingTimeInterval(-limit.refillTime)
            try await connection.query(
                """
                DELETE FROM throttles WHERE (limiter, key) IN (
                    SELECT limiter, key FROM throttles WHERE limiter = \(limit.name) AND updated_at < \(stale)
                    FOR UPDATE SKIP LOCKED)
                """, logger: logger
            ).drain()
            try await connection.query(
                """
                INSERT INTO throttles (limiter, key, tokens, updated_at) VALUES (\(limit.name), \(key), \(limit.burst), \(time))
                ON CONFLICT (limiter, key) DO NOTHING
                """, logger: logger
            ).drain()
            let rows = try await connection.query(
                "SELECT tokens, updated_at FROM throttles WHERE limiter = \(limit.name) AND key = \(key) FOR UPDATE",
                logger: logger)
            var bucket = TokenBucket(full: limit, at: time)
            for try await (tokens, updated) in rows.decode((Double, Date).self) {
                bucket = TokenBucket(tokens: tokens, updated: updated)
            }
            let taken = bucket.take(limit, at: time)
            try await connection.query(
                """
                UPDATE throttles SET tokens = \(bucket.tokens), updated_at = \(bucket.updated)
                WHERE limiter = \(limit.name) AND key = \(key)
                """, logger: logger
            ).drain()
            return taken
        }
    }

    public func giveBack(_ limit: ThrottleLimit, key: String) async throws {
        try await database.transaction { connection in
            try await connection.query(
                """
                UPDATE throttles SET tokens = LEAST(\(limit.burst), tokens + 1)
                WHERE limiter = \(limit.name) AND key = \(StoredText.free(key))
                """, logger: database.logger
            ).drain()
        }
    }
}

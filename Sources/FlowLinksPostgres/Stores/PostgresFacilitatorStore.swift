import FlowLinksStore
import Foundation
import PostgresNIO

/// Facilitators on PostgreSQL. Names compare without regard to letter case, through the unique
/// index on `lower(username)`.
public struct PostgresFacilitatorStore: FacilitatorStore {
    let database: PostgreSQLDatabase

    public init(database: PostgreSQLDatabase) {
        self.database = database
    }

    static let columns = "id, username, password_hash, created_at, password_changed_at"

    public func addFacilitator(username: String, passwordHash: String, now: Date) async throws -> FacilitatorRecord {
        try StoredText.key(username, "username")
        do {
            let ids = try await database.client.query(
                """
                INSERT INTO facilitators (username, password_hash, created_at, password_changed_at)
                VALUES (\(username), \(passwordHash), \(now), \(now)) RETURNING id
                """, logger: database.logger
            ).column(Int64.self)
            return FacilitatorRecord(
                id: ids.first, username: username, passwordHash: passwordHash, createdAt: now, passwordChangedAt: now)
        } catch let error as PSQLError where error.isUniqueViolation {
            throw FacilitatorStoreError.alreadyExists(username)
        }
    }

    /// Every account, by name.
    public func facilitators() async throws -> [FacilitatorRecord] {
        try await records(
            database.client.query(
                "SELECT \(unescaped: Self.columns) FROM facilitators ORDER BY lower(username), id", logger: database.logger))
    }

    /// The account of that name; `nil` when there is none (or the name could never be one's).
    public func facilitator(named username: String) async throws -> FacilitatorRecord? {
        guard StoredText.isPossibleKey(username) else { return nil }
        return try await records(
            database.client.query(
                "SELECT \(unescaped: Self.columns) FROM facilitators WHERE lower(username) = lower(\(username))",
                logger: database.logger)
        ).first
    }

    /// Replaces the password hash and ends the account's sign-ins; false when there is no such account.
    @discardableResult
    public func setFacilitatorPasswordHash(username: String, passwordHash: String, now: Date) async throws -> Bool {
        guard StoredText.isPossibleKey(username) else { return false }
        return try await database.transaction { connection in
            let ids = try await connection.query(
                """
                UPDATE facilitators SET password_hash = \(passwordHash), password_changed_at = \(now)
                WHERE lower(username) = lower(\(username)) RETURNING id
                """, logger: database.logger
            ).column(Int64.self)
            guard let id = ids.first else { return false }
            try await connection.query(
                "DELETE FROM facilitator_signins WHERE facilitator_id = \(id)", logger: database.logger
            ).drain()
            return true
        }
    }

    /// Removes the account, and with it its sign-ins (the foreign key cascades); false when there is no such account.
    @discardableResult
    public func removeFacilitator(username: String) async throws -> Bool {
        guard StoredText.isPossibleKey(username) else { return false }
        return try await !database.client.query(
            "DELETE FROM facilitators WHERE lower(username) = lower(\(username)) RETURNING id", logger: database.logger
        ).column(Int64.self).isEmpty
    }

    private func records(_ rows: PostgresRowSequence) async throws -> [FacilitatorRecord] {
        var records: [FacilitatorRecord] = []
        for try await (id, username, passwordHash, createdAt, passwordChangedAt) in rows.decode(
            (Int64, String, String, Date, Date).self)
        {
            records.append(
                FacilitatorRecord(
                    id: id, username: username, passwordHash: passwordHash, createdAt: createdAt,
                    passwordChangedAt: passwordChangedAt))
        }
        return records
    }
}

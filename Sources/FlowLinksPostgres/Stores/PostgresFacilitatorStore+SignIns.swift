import FlowLinksStore
import Foundation
import PostgresNIO

/// Sign-ins in the database, so any replica serves any request: removing an account ends its
/// sign-ins (the foreign key cascades), changing its password ends them too.
extension PostgresFacilitatorStore {
    public func startFacilitatorSignIn(
        tokenHash: String, facilitatorID: Int64, verifiedPasswordHash: String, csrfToken: String, now: Date,
        expiresAt: Date
    ) async throws -> Bool {
        try StoredText.key(tokenHash, "token hash")
        return try await database.transaction { connection in
            try await connection.query("DELETE FROM facilitator_signins WHERE expires_at <= \(now)", logger: database.logger)
                .drain()
            // why: locks the account, so a password change cannot slip between this check and the insert.
            let current = try await connection.query(
                "SELECT password_hash FROM facilitators WHERE id = \(facilitatorID) FOR UPDATE", logger: database.logger
            ).column(String.self)
            guard current.first == verifiedPasswordHash else { return false }
            try await connection.query(
                """
                INSERT INTO facilitator_signins (token_hash, facilitator_id, csrf_token, created_at, last_seen_at, expires_at)
                VALUES (\(tokenHash), \(facilitatorID), \(csrfToken), \(now), \(now), \(expiresAt))
                """, logger: database.logger
            ).drain()
            return true
        }
    }

    public func facilitatorSignIn(tokenHash: String, now: Date, lifetime: TimeInterval) async throws -> FacilitatorSignIn? {
        guard StoredText.isPossibleKey(tokenHash) else { return nil }
        let rows = try await database.client.query(
            """
            SELECT s.facilitator_id, f.username, s.csrf_token, s.expires_at, s.last_seen_at
            FROM facilitator_signins AS s JOIN facilitators AS f ON f.id = s.facilitator_id
            WHERE s.token_hash = \(tokenHash) AND s.expires_at > \(now)
            """, logger: database.logger)
        var found: (signIn: FacilitatorSignIn, lastSeen: Date)?
        for try await (id, username, csrfToken, expiresAt, lastSeen) in rows.decode(
            (Int64, String, String, Date, Date).self)
        {
            found = (
                FacilitatorSignIn(facilitatorID: id, username: username, csrfToken: csrfToken, expiresAt: expiresAt), lastSeen
            )
        }
        guard let found else { return nil }
        var signIn = found.signIn
        if now.timeIntervalSince(found.lastSeen) >= FacilitatorSignIn.touchInterval {
            signIn.expiresAt = now + lifetime
            try await database.client.query(
                """
                UPDATE facilitator_signins SET last_seen_at = \(now), expires_at = \(signIn.expiresAt)
                WHERE token_hash = \(tokenHash)
                """, logger: database.logger
            ).drain()
        }
        return signIn
    }

    public func endFacilitatorSignIn(tokenHash: String) async throws {
        guard StoredText.isPossibleKey(tokenHash) else { return }
        try await database.client.query(
            "DELETE FROM facilitator_signins WHERE token_hash = \(tokenHash)", logger: database.logger
        ).drain()
    }

    /// Ends every sign-in of the account named `username`, or of every account when it is `nil`;
    /// returns how many ended. Throws `FacilitatorStoreError.unknownAccount` for an unknown name.
    @discardableResult
    public func endFacilitatorSignIns(username: String?) async throws -> Int {
        guard let username else {
            return try await database.client.query(
                "DELETE FROM facilitator_signins RETURNING facilitator_id", logger: database.logger
            ).column(Int64.self).count
        }
        return try await database.transaction { connection in
            var ids: [Int64] = []
            if StoredText.isPossibleKey(username) {
                ids = try await connection.query(
                    "SELECT id FROM facilitators WHERE lower(username) = lower(\(username))", logger: database.logger
                ).column(Int64.self)
            }
            guard let id = ids.first else { throw FacilitatorStoreError.unknownAccount(username) }
            return try await connection.query(
                "DELETE FROM facilitator_signins WHERE facilitator_id = \(id) RETURNING facilitator_id",
                logger: database.logger
            ).column(Int64.self).count
        }
    }

    public func activeFacilitatorSignIns(now: Date) async throws -> [String: Int] {
        let rows = try await database.client.query(
            """
            SELECT f.username, COUNT(*) FROM facilitator_signins AS s JOIN facilitators AS f ON f.id = s.facilitator_id
            WHERE s.expires_at > \(now) GROUP BY f.id, f.username
            """, logger: database.logger)
        var counts: [String: Int] = [:]
        for try await (username, count) in rows.decode((String, Int).self) { counts[username, default: 0] += count }
        return counts
    }
}

import Foundation
import GRDB

/// A facilitator's sign-in as the store keeps it, found by the hash of its cookie's token.
public struct FacilitatorSignIn: Sendable, Equatable {
    public var facilitatorID: Int64
    /// The account's name as it is now.
    public var username: String
    /// Sent with every form and checked on every change (CSRF protection).
    public var csrfToken: String
    public var expiresAt: Date

    /// How long a sign-in's last use is trusted before it is written again, on every backend.
    // why: a page view reads its sign-in; rewriting it on every view would make every view a write.
    package static let touchInterval: TimeInterval = 60

    public init(facilitatorID: Int64, username: String, csrfToken: String, expiresAt: Date) {
        self.facilitatorID = facilitatorID
        self.username = username
        self.csrfToken = csrfToken
        self.expiresAt = expiresAt
    }
}

/// Sign-ins live in the database, so every request sees the account as it is now: removing an
/// account ends its sign-ins (the foreign key cascades), changing its password ends them too, and
/// both work from another process (the command line) at once.
extension SQLiteFacilitatorStore {
    /// Records a sign-in of the account whose password hash was just verified, unless that hash
    /// changed meanwhile (then false: the old password no longer signs in). Forgets expired sign-ins.
    public func startFacilitatorSignIn(
        tokenHash: String, facilitatorID: Int64, verifiedPasswordHash: String, csrfToken: String, now: Date,
        expiresAt: Date
    ) async throws -> Bool {
        try await writer.write { db in
            try db.execute(sql: "DELETE FROM facilitator_signins WHERE expires_at <= ?", arguments: [now])
            let current = try String.fetchOne(
                db, sql: "SELECT password_hash FROM facilitators WHERE id = ?", arguments: [facilitatorID])
            guard current == verifiedPasswordHash else { return false }
            try db.execute(
                sql: """
                    INSERT INTO facilitator_signins (token_hash, facilitator_id, csrf_token, created_at, last_seen_at, expires_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [try StoredText.key(tokenHash, "token hash"), facilitatorID, csrfToken, now, now, expiresAt])
            return true
        }
    }

    /// The sign-in behind a token's hash while it has not expired, with its account's current
    /// name; its use moves the expiry to `now + lifetime`.
    public func facilitatorSignIn(tokenHash: String, now: Date, lifetime: TimeInterval) async throws -> FacilitatorSignIn? {
        guard StoredText.isPossibleKey(tokenHash) else { return nil }
        let found = try await writer.read { db in
            try Row.fetchOne(
                db,
                sql: """
                    SELECT s.facilitator_id, f.username, s.csrf_token, s.expires_at, s.last_seen_at
                    FROM facilitator_signins AS s JOIN facilitators AS f ON f.id = s.facilitator_id
                    WHERE s.token_hash = ? AND s.expires_at > ?
                    """, arguments: [tokenHash, now])
        }
        guard let found else { return nil }
        var signIn = FacilitatorSignIn(
            facilitatorID: found[0], username: found[1], csrfToken: found[2], expiresAt: found[3])
        let lastSeen: Date = found[4]
        if now.timeIntervalSince(lastSeen) >= FacilitatorSignIn.touchInterval {
            let expiresAt = now + lifetime
            signIn.expiresAt = expiresAt
            try await writer.write { db in
                try db.execute(
                    sql: "UPDATE facilitator_signins SET last_seen_at = ?, expires_at = ? WHERE token_hash = ?",
                    arguments: [now, expiresAt, tokenHash])
            }
        }
        return signIn
    }

    /// Ends one sign-in (signing out).
    public func endFacilitatorSignIn(tokenHash: String) async throws {
        guard StoredText.isPossibleKey(tokenHash) else { return }
        try await writer.write { db in
            try db.execute(sql: "DELETE FROM facilitator_signins WHERE token_hash = ?", arguments: [tokenHash])
        }
    }

    /// Ends every sign-in of the account named `username`, or of every account when it is `nil`;
    /// returns how many ended. Throws `FacilitatorStoreError.unknownAccount` for an unknown name.
    @discardableResult
    public func endFacilitatorSignIns(username: String?) async throws -> Int {
        try await writer.write { db in
            guard let username else {
                try db.execute(sql: "DELETE FROM facilitator_signins")
                return db.changesCount
            }
            guard StoredText.isPossibleKey(username),
                let id = try Int64.fetchOne(db, sql: "SELECT id FROM facilitators WHERE username = ?", arguments: [username])
            else { throw FacilitatorStoreError.unknownAccount(username) }
            try db.execute(sql: "DELETE FROM facilitator_signins WHERE facilitator_id = ?", arguments: [id])
            return db.changesCount
        }
    }

    /// How many sign-ins have not expired, per account name (for `facilitators list`).
    public func activeFacilitatorSignIns(now: Date) async throws -> [String: Int] {
        try await writer.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT f.username, COUNT(*) FROM facilitator_signins AS s JOIN facilitators AS f ON f.id = s.facilitator_id
                    WHERE s.expires_at > ? GROUP BY f.id
                    """, arguments: [now])
            return Dictionary(rows.map { ($0[0], $0[1]) }, uniquingKeysWith: +)
        }
    }
}

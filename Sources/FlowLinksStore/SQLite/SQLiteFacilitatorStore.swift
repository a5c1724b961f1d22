import Foundation
import GRDB

/// Why a facilitator account could not be changed.
public enum FacilitatorStoreError: Error, Equatable, Sendable {
    case alreadyExists(String)
    case unknownAccount(String)
}

/// Facilitators on SQLite. Names compare without regard to letter case.
public struct SQLiteFacilitatorStore: FacilitatorStore {
    let writer: any DatabaseWriter

    public init(writer: any DatabaseWriter) {
        self.writer = writer
    }

    public func addFacilitator(username: String, passwordHash: String, now: Date) async throws -> FacilitatorRecord {
        try StoredText.key(username, "username")
        do {
            return try await writer.write { db in
                var record = FacilitatorRecord(
                    username: username, passwordHash: passwordHash, createdAt: now, passwordChangedAt: now)
                try record.insert(db)
                return record
            }
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
            throw FacilitatorStoreError.alreadyExists(username)
        }
    }

    /// Every account, by name.
    public func facilitators() async throws -> [FacilitatorRecord] {
        try await writer.read { try FacilitatorRecord.order(Column("username").collating(.nocase)).fetchAll($0) }
    }

    /// The account of that name; `nil` when there is none (or the name could never be one's).
    public func facilitator(named username: String) async throws -> FacilitatorRecord? {
        guard StoredText.isPossibleKey(username) else { return nil }
        return try await writer.read { try FacilitatorRecord.filter(Column("username") == username).fetchOne($0) }
    }

    /// Replaces the password hash and ends the account's sign-ins; false when there is no such account.
    @discardableResult
    public func setFacilitatorPasswordHash(username: String, passwordHash: String, now: Date) async throws -> Bool {
        guard StoredText.isPossibleKey(username) else { return false }
        return try await writer.write { db in
            guard let account = try FacilitatorRecord.filter(Column("username") == username).fetchOne(db) else {
                return false
            }
            try FacilitatorRecord.filter(id: account.id)
                .updateAll(db, Column("password_hash").set(to: passwordHash), Column("password_changed_at").set(to: now))
            try db.execute(sql: "DELETE FROM facilitator_signins WHERE facilitator_id = ?", arguments: [account.id])
            return true
        }
    }

    /// Removes the account, and with it its sign-ins; false when there is no such account.
    @discardableResult
    public func removeFacilitator(username: String) async throws -> Bool {
        guard StoredText.isPossibleKey(username) else { return false }
        return try await writer.write { db in try FacilitatorRecord.filter(Column("username") == username).deleteAll(db) > 0 }
    }
}

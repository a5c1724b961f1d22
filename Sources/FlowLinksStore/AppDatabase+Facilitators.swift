import Foundation
import GRDB

/// Why a facilitator account could not be changed.
public enum FacilitatorStoreError: Error, Equatable, Sendable {
    case alreadyExists(String)
}

/// Facilitator accounts. Names compare without regard to letter case.
extension AppDatabase {
    public func addFacilitator(username: String, passwordHash: String, now: Date) throws -> FacilitatorRecord {
        do {
            return try writer.write { db in
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
    public func facilitators() throws -> [FacilitatorRecord] {
        try writer.read { try FacilitatorRecord.order(Column("username").collating(.nocase)).fetchAll($0) }
    }

    public func facilitator(named username: String) throws -> FacilitatorRecord? {
        try writer.read { try FacilitatorRecord.filter(Column("username") == username).fetchOne($0) }
    }

    /// Replaces the password hash; false when there is no such account.
    @discardableResult
    public func setFacilitatorPasswordHash(username: String, passwordHash: String, now: Date) throws -> Bool {
        try writer.write { db in
            try FacilitatorRecord.filter(Column("username") == username)
                .updateAll(db, Column("password_hash").set(to: passwordHash), Column("password_changed_at").set(to: now)) > 0
        }
    }

    /// Removes the account; false when there is no such account.
    @discardableResult
    public func removeFacilitator(username: String) throws -> Bool {
        try writer.write { db in try FacilitatorRecord.filter(Column("username") == username).deleteAll(db) > 0 }
    }
}

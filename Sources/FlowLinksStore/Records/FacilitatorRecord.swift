import Foundation
import GRDB

/// A row of `facilitators`: a person who may sign in to review sessions.
public struct FacilitatorRecord: Codable, Equatable, Sendable, Identifiable {
    public var id: Int64?
    public var username: String
    /// A bcrypt hash; the password itself is never stored.
    public var passwordHash: String
    public var createdAt: Date
    public var passwordChangedAt: Date

    public init(id: Int64? = nil, username: String, passwordHash: String, createdAt: Date, passwordChangedAt: Date) {
        self.id = id
        self.username = username
        self.passwordHash = passwordHash
        self.createdAt = createdAt
        self.passwordChangedAt = passwordChangedAt
    }
}

extension FacilitatorRecord: FetchableRecord, MutablePersistableRecord, SnakeCaseColumns {
    public static let databaseTableName = "facilitators"

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

import Foundation
import GRDB

/// A row of `outbox`: a platform API call that a committed turn needs made.
public struct OutboxRecord: Codable, Equatable, Sendable, Identifiable {
    public enum Status: String, Codable, Sendable, CaseIterable { case pending, sent, failed }

    public var id: Int64?
    public var sessionId: Int64?
    public var channel: String
    public var conversation: String
    public var method: String
    public var body: Data
    public var status: Status
    public var attempts: Int
    public var nextAttemptAt: Date
    public var lastError: String?
    public var createdAt: Date
    public var sentAt: Date?
}

extension OutboxRecord: FetchableRecord, MutablePersistableRecord, SnakeCaseColumns {
    public static let databaseTableName = "outbox"

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

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

    public init(
        id: Int64? = nil, sessionId: Int64?, channel: String, conversation: String, method: String, body: Data,
        status: Status, attempts: Int, nextAttemptAt: Date, lastError: String? = nil, createdAt: Date, sentAt: Date? = nil
    ) {
        self.id = id
        self.sessionId = sessionId
        self.channel = channel
        self.conversation = conversation
        self.method = method
        self.body = body
        self.status = status
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
        self.lastError = lastError
        self.createdAt = createdAt
        self.sentAt = sentAt
    }
}

extension OutboxRecord: FetchableRecord, MutablePersistableRecord, SnakeCaseColumns {
    public static let databaseTableName = "outbox"

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

import FlowLinksCore
import Foundation
import GRDB

/// Where a session stands, as seen from the store (which also knows sessions that were left).
public enum SessionStatus: String, Codable, Sendable, CaseIterable {
    case active, paused, completed
    /// Replaced by a new session after `restart` before it was finished.
    case abandoned
}

/// A row of `sessions`: one reflection, in one conversation on one channel.
public struct SessionRecord: Codable, Equatable, Sendable, Identifiable {
    public var id: Int64?
    public var channel: String
    public var conversation: String
    public var participant: String?
    public var status: SessionStatus
    public var currentStep: String?
    public var misses: Int
    public var pendingConfirmation: String?
    public var contentVersion: String
    public var createdAt: Date
    public var updatedAt: Date
}

extension SessionRecord: FetchableRecord, MutablePersistableRecord, SnakeCaseColumns {
    public static let databaseTableName = "sessions"

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

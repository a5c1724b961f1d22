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
    /// Bumped by every change to the session, for optimistic checks.
    public var revision = 0
}

// why: sessions are read and written on every turn; explicit column mapping skips Codable's cost.
extension SessionRecord: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "sessions"

    public init(row: Row) throws {
        id = row["id"]
        channel = row["channel"]
        conversation = row["conversation"]
        participant = row["participant"]
        status = SessionStatus(rawValue: row["status"]) ?? .active
        currentStep = row["current_step"]
        misses = row["misses"]
        pendingConfirmation = row["pending_confirmation"]
        contentVersion = row["content_version"]
        createdAt = row["created_at"]
        updatedAt = row["updated_at"]
        revision = row["revision"]
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container["id"] = id
        container["channel"] = channel
        container["conversation"] = conversation
        container["participant"] = participant
        container["status"] = status.rawValue
        container["current_step"] = currentStep
        container["misses"] = misses
        container["pending_confirmation"] = pendingConfirmation
        container["content_version"] = contentVersion
        container["created_at"] = createdAt
        container["updated_at"] = updatedAt
        container["revision"] = revision
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

import FlowLinksCore
import Foundation
import GRDB

/// Where a session stands, as seen from the store (which also knows sessions that were left).
public enum SessionStatus: String, Codable, Sendable, CaseIterable {
    case active, paused, completed
    /// Replaced by a new session after `restart` before it was finished.
    case abandoned

    /// The engine's status, as the store keeps it.
    public init(_ status: SessionState.Status) {
        switch status {
        case .active: self = .active
        case .paused: self = .paused
        case .completed: self = .completed
        }
    }

    /// A status read from the database; a value no version of FlowLinks writes is an error, not a guess.
    package init(stored text: String) throws {
        guard let status = SessionStatus(rawValue: text) else {
            throw DatabaseError(message: "a session has the unknown status \"\(text)\"")
        }
        self = status
    }

    /// The status as the engine sees it; `nil` for an abandoned session, which takes no more turns.
    public var engineStatus: SessionState.Status? {
        switch self {
        case .active: .active
        case .paused: .paused
        case .completed: .completed
        case .abandoned: nil
        }
    }
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
    /// The option of a reading waiting for the person's yes, and the note that came with it.
    public var pendingOptionId: String?
    public var pendingNote: String?
    public var contentVersion: String
    public var createdAt: Date
    public var updatedAt: Date
    /// Bumped by every change to the session, for optimistic checks.
    public var revision = 0
    /// The workshop the session belongs to, if any.
    public var workshopId: Int64?
    /// The code of the language the conversation is held in ("es"); `nil` for the default.
    public var language: String?

    // why: written out (the memberwise one is internal) so that the PostgreSQL store builds sessions too.
    package init(
        id: Int64? = nil, channel: String, conversation: String, participant: String? = nil, status: SessionStatus,
        currentStep: String? = nil, misses: Int, pendingConfirmation: String? = nil, pendingOptionId: String? = nil,
        pendingNote: String? = nil, contentVersion: String, createdAt: Date, updatedAt: Date, revision: Int = 0,
        workshopId: Int64? = nil, language: String? = nil
    ) {
        self.id = id
        self.channel = channel
        self.conversation = conversation
        self.participant = participant
        self.status = status
        self.currentStep = currentStep
        self.misses = misses
        self.pendingConfirmation = pendingConfirmation
        self.pendingOptionId = pendingOptionId
        self.pendingNote = pendingNote
        self.contentVersion = contentVersion
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.revision = revision
        self.workshopId = workshopId
        self.language = language
    }
}

// why: sessions are read and written on every turn; explicit column mapping skips Codable's cost.
extension SessionRecord: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "sessions"

    public init(row: Row) throws {
        id = row["id"]
        channel = row["channel"]
        conversation = row["conversation"]
        participant = row["participant"]
        status = try SessionStatus(stored: row["status"])
        currentStep = row["current_step"]
        misses = row["misses"]
        pendingConfirmation = row["pending_confirmation"]
        pendingOptionId = row["pending_option_id"]
        pendingNote = row["pending_note"]
        contentVersion = row["content_version"]
        createdAt = row["created_at"]
        updatedAt = row["updated_at"]
        revision = row["revision"]
        workshopId = row["workshop_id"]
        language = row["language"]
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container["id"] = id
        container["channel"] = try StoredText.key(channel, "channel")
        container["conversation"] = try StoredText.key(conversation, "conversation")
        container["participant"] = StoredText.free(participant)
        container["status"] = status.rawValue
        container["current_step"] = currentStep
        container["misses"] = misses
        container["pending_confirmation"] = pendingConfirmation
        container["pending_option_id"] = pendingOptionId
        container["pending_note"] = StoredText.free(pendingNote)
        container["content_version"] = contentVersion
        container["created_at"] = StoredDate.text(createdAt)
        container["updated_at"] = StoredDate.text(updatedAt)
        container["revision"] = revision
        container["workshop_id"] = workshopId
        container["language"] = try language.map { try StoredText.key($0, "language") }
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension SessionRecord {
    /// The columns `init(positions:)` reads, in its order.
    package static let columns = """
        id, channel, conversation, participant, status, current_step, misses, pending_confirmation, content_version,
        created_at, updated_at, revision, workshop_id, pending_option_id, pending_note, language
        """

    /// A session from a row of `columns`, read by position.
    // why: read on every turn; by position skips a name lookup per column.
    init(positions row: Row) throws {
        id = row[0]
        channel = row[1]
        conversation = row[2]
        participant = row[3]
        status = try SessionStatus(stored: row[4])
        currentStep = row[5]
        misses = row[6]
        pendingConfirmation = row[7]
        contentVersion = row[8]
        createdAt = row[9]
        updatedAt = row[10]
        revision = row[11]
        workshopId = row[12]
        pendingOptionId = row[13]
        pendingNote = row[14]
        language = row[15]
    }
}

import Foundation
import GRDB

/// A row of `facilitator_notes`: a facilitator's note on a session.
public struct FacilitatorNote: Codable, Equatable, Sendable, Identifiable {
    public var id: Int64?
    public var sessionId: Int64
    public var author: String
    public var text: String
    public var createdAt: Date
    public var updatedAt: Date

    /// A note with every column given.
    // why: public, so another backend's stores (FlowLinksPostgres) can build it from their rows.
    public init(
        id: Int64? = nil, sessionId: Int64, author: String, text: String, createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.sessionId = sessionId
        self.author = author
        self.text = text
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// Whether the note was changed after it was written.
    public var wasEdited: Bool { updatedAt > createdAt }
}

extension FacilitatorNote: FetchableRecord, MutablePersistableRecord, SnakeCaseColumns {
    public static let databaseTableName = "facilitator_notes"

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

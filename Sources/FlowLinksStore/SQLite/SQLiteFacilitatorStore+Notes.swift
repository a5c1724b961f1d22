import Foundation
import GRDB

/// Facilitators' notes on sessions.
extension SQLiteFacilitatorStore {
    /// A session's notes, oldest first.
    public func notes(ofSession id: Int64) async throws -> [FacilitatorNote] {
        try await writer.read { db in
            try FacilitatorNote.filter(Column("session_id") == id).order(Column("id")).fetchAll(db)
        }
    }

    /// Adds a note to a session; `nil` when there is no such session.
    public func addNote(toSession id: Int64, author: String, text: String, now: Date) async throws -> FacilitatorNote? {
        try StoredText.key(author, "author")
        return try await writer.write { db -> FacilitatorNote? in
            guard try SessionRecord.exists(db, key: id) else { return nil }
            var note = FacilitatorNote(
                sessionId: id, author: author, text: StoredText.free(text), createdAt: now, updatedAt: now)
            try note.insert(db)
            return note
        }
    }

    /// Rewrites a note, only for its author; false when there is no such note of theirs.
    public func editNote(
        _ noteID: Int64, ofSession sessionID: Int64, by author: String, text: String, now: Date
    ) async throws -> Bool {
        try StoredText.key(author, "author")
        return try await writer.write { db in
            try FacilitatorNote
                .filter(Column("id") == noteID && Column("session_id") == sessionID && Column("author") == author)
                .updateAll(db, Column("text").set(to: StoredText.free(text)), Column("updated_at").set(to: now)) > 0
        }
    }
}

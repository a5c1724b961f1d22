import FlowLinksStore
import Foundation
import PostgresNIO

/// Facilitators' notes on sessions.
extension PostgresFacilitatorStore {
    public func notes(ofSession id: Int64) async throws -> [FacilitatorNote] {
        let rows = try await database.client.query(
            """
            SELECT id, session_id, author, text, created_at, updated_at FROM facilitator_notes
            WHERE session_id = \(id) ORDER BY id
            """, logger: database.logger)
        var notes: [FacilitatorNote] = []
        for try await (id, sessionID, author, text, createdAt, updatedAt) in rows.decode(
            (Int64, Int64, String, String, Date, Date).self)
        {
            notes.append(
                FacilitatorNote(
                    id: id, sessionId: sessionID, author: author, text: text, createdAt: createdAt, updatedAt: updatedAt))
        }
        return notes
    }

    public func addNote(toSession id: Int64, author: String, text: String, now: Date) async throws -> FacilitatorNote? {
        try StoredText.key(author, "author")
        let text = StoredText.free(text)
        // why: inserts only when the session exists, in one statement; a session deleted at the same
        // time makes the foreign key refuse the row instead.
        let ids = try await database.client.query(
            """
            INSERT INTO facilitator_notes (session_id, author, text, created_at, updated_at)
            SELECT id, \(author), \(text), \(now), \(now) FROM sessions WHERE id = \(id)
            RETURNING id
            """, logger: database.logger
        ).column(Int64.self)
        guard let noteID = ids.first else { return nil }
        return FacilitatorNote(id: noteID, sessionId: id, author: author, text: text, createdAt: now, updatedAt: now)
    }

    public func editNote(
        _ noteID: Int64, ofSession sessionID: Int64, by author: String, text: String, now: Date
    ) async throws -> Bool {
        try StoredText.key(author, "author")
        return try await !database.client.query(
            """
            UPDATE facilitator_notes SET text = \(StoredText.free(text)), updated_at = \(now)
            WHERE id = \(noteID) AND session_id = \(sessionID) AND author = \(author) RETURNING id
            """, logger: database.logger
        ).column(Int64.self).isEmpty
    }
}

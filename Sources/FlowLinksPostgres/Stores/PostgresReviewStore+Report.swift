import FlowLinksCore
import FlowLinksStore
import Foundation
import Logging
import PostgresNIO

extension PostgresReviewStore {
    /// Everything recorded about session `id`, read on `connection` (in the caller's snapshot).
    static func report(
        on connection: PostgresConnection, ofSession id: Int64, logger: Logger
    ) async throws
        -> SessionReport?
    {
        let sessions = try await connection.query(
            "SELECT * FROM sessions WHERE id = \(id)", logger: logger
        ).collect()
        guard let session = try sessions.first.map(PostgresRecords.session) else { return nil }
        let answers = try await connection.query(
            "SELECT * FROM answers WHERE session_id = \(id) ORDER BY id", logger: logger
        ).collect()
        let transcript = try await connection.query(
            "SELECT * FROM transcript WHERE session_id = \(id) ORDER BY id", logger: logger
        ).collect()
        let results = try await connection.query(
            "SELECT * FROM results WHERE session_id = \(id)", logger: logger
        ).collect()
        let notes = try await connection.query(
            "SELECT * FROM facilitator_notes WHERE session_id = \(id) ORDER BY id", logger: logger
        ).collect()
        return SessionReport(
            session: session, answers: try answers.map(PostgresRecords.answer),
            transcript: try transcript.map(PostgresRecords.transcriptLine),
            result: try results.first.map(PostgresRecords.result), notes: try notes.map(PostgresRecords.note))
    }
}

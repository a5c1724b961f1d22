import FlowLinksCore
import Foundation
import GRDB

// why: these rows are written on every turn; a cached INSERT with explicit arguments costs a
// fraction of a record insert, which builds its statement and encodes through Codable.

extension TranscriptLine {
    /// Appends the line to the transcript.
    func write(_ db: Database) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO transcript (session_id, direction, text, choices, participant, platform_message_id, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            sessionId, direction.rawValue, text, try choices.map(JSONText.encode), participant, platformMessageId,
            createdAt,
        ])
    }
}

extension AnswerRecord {
    /// Records the answer as the step's current one.
    func write(_ db: Database) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO answers (session_id, step_id, option_id, text, skipped, answered_at, replaced_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [sessionId, stepId, optionId, text, skipped, answeredAt, replacedAt])
    }
}

extension ProcessedEvent {
    /// Records the event as answered, with its replies.
    func write(_ db: Database) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO processed_events (channel, event_id, session_id, status, replies, created_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [channel, eventId, sessionId, status?.rawValue, try JSONText.encode(replies), createdAt])
    }
}

/// JSON text for JSON columns, in the form GRDB's Codable records read back.
enum JSONText {
    static func encode(_ value: some Encodable) throws -> String {
        String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
    }
}

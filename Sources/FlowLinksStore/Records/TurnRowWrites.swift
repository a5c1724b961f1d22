import FlowLinksCore
import Foundation
import GRDB

// why: these rows are written on every turn; a cached INSERT with explicit arguments costs a
// fraction of a record insert, which builds its statement and encodes through Codable. Their JSON
// and dates are written directly too (`JSONWriter`, `StoredDate`), in the forms GRDB reads back.

extension TranscriptLine {
    /// Appends the lines to the transcript in their order, a turn's lines in one statement.
    static func write(_ lines: [TranscriptLine], _ db: Database) throws {
        var start = lines.startIndex
        while start < lines.endIndex {
            let rows = lines[start..<min(start + insertStatements.count, lines.endIndex)]
            var arguments: [(any DatabaseValueConvertible)?] = []
            arguments.reserveCapacity(rows.count * 7)
            for line in rows {
                arguments += [
                    line.sessionId, line.direction.rawValue, StoredText.free(line.text), line.choices.map(JSONText.choices),
                    StoredText.free(line.participant),
                    try line.platformMessageId.map { try StoredText.key($0, "platform message id") },
                    StoredDate.text(line.createdAt),
                ]
            }
            try db.cachedStatement(sql: insertStatements[rows.count - 1]).execute(arguments: StatementArguments(arguments))
            start = rows.endIndex
        }
    }

    /// `INSERT` statements for one to eight lines; longer runs are written eight at a time.
    private static let insertStatements = (1...8).map { count in
        "INSERT INTO transcript (session_id, direction, text, choices, participant, platform_message_id, created_at) VALUES "
            + Array(repeating: "(?, ?, ?, ?, ?, ?, ?)", count: count).joined(separator: ", ")
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
        ).execute(arguments: [
            sessionId, stepId, optionId, StoredText.free(text), skipped, StoredDate.text(answeredAt),
            replacedAt.map(StoredDate.text),
        ])
    }
}

extension ProcessedEvent {
    /// Records the event as answered, with its replies.
    func write(_ db: Database) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO processed_events (channel, conversation, event_id, session_id, status, replies, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            try StoredText.key(channel, "channel"), try StoredText.key(conversation, "conversation"),
            try StoredText.key(eventId, "event id"), sessionId, status?.rawValue, JSONText.messages(replies),
            StoredDate.text(createdAt),
        ])
    }
}

extension ResultRecord {
    /// Records the session's result.
    func write(_ db: Database) throws {
        // why: the same JSON a record insert writes (`SessionResult.json`), without `JSONEncoder` or
        // the record's persistence container.
        try db.cachedStatement(
            sql: """
                INSERT INTO results (session_id, recommended_level, overall_level, result, content_version, created_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            sessionId, recommendedLevel, overallLevel, String(decoding: result.json, as: UTF8.self), contentVersion,
            StoredDate.text(createdAt),
        ])
    }
}

/// JSON text for JSON columns, in the form GRDB's Codable records read back.
package enum JSONText {
    package static func messages(_ messages: [OutboundMessage]) -> String {
        String(decoding: OutboundMessage.json(messages), as: UTF8.self)
    }

    package static func choices(_ choices: [Choice]) -> String {
        String(decoding: Choice.json(choices), as: UTF8.self)
    }

    /// The value a JSON column's text holds, decoded as the records decode it (GRDB's JSON decoder).
    package static func decode<Value: Decodable>(_ type: Value.Type, from text: String, column: String) throws -> Value {
        try ResultRecord.databaseJSONDecoder(for: column).decode(type, from: Data(text.utf8))
    }
}

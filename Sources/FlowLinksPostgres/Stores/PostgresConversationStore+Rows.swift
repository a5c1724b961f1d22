import FlowLinksCore
import FlowLinksStore
import Foundation
import PostgresNIO

/// Sessions and transcript lines in and out of their PostgreSQL rows.
extension PostgresTurn {
    /// Inserts a new session and returns its id.
    func insert(_ session: SessionRecord) async throws -> Int64 {
        let rows = try await connection.query(
            """
            INSERT INTO sessions (channel, conversation, participant, status, current_step, misses, pending_confirmation,
                content_version, created_at, updated_at, revision, workshop_id, pending_option_id, pending_note, language)
            VALUES (\(try StoredText.key(session.channel, "channel")),
                \(try StoredText.key(session.conversation, "conversation")), \(StoredText.free(session.participant)),
                \(session.status.rawValue), \(session.currentStep), \(session.misses), \(session.pendingConfirmation),
                \(session.contentVersion), \(session.createdAt), \(session.updatedAt), \(session.revision),
                \(session.workshopId), \(session.pendingOptionId), \(StoredText.free(session.pendingNote)),
                \(try session.language.map { try StoredText.key($0, "language") }))
            RETURNING id
            """, logger: logger)
        guard let row = try await rows.collect().first else { throw ConversationRowError.noRowReturned("sessions") }
        return try row.decode(Int64.self)
    }

    /// Appends the line to the transcript.
    func write(_ line: TranscriptLine) async throws {
        try await execute(
            """
            INSERT INTO transcript (session_id, direction, text, choices, participant, platform_message_id, created_at)
            VALUES (\(line.sessionId), \(line.direction.rawValue), \(StoredText.free(line.text)),
                \(line.choices.map(JSONText.choices)), \(StoredText.free(line.participant)),
                \(try line.platformMessageId.map { try StoredText.key($0, "platform message id") }), \(line.createdAt))
            """)
    }
}

extension TranscriptLine {
    /// A line from a row of id, session_id, direction, text, choices, participant, platform_message_id, created_at.
    init(postgres row: PostgresRow) throws {
        let (id, sessionID, direction, text, choices, participant, platformMessageID, createdAt) = try row.decode(
            (Int64, Int64, String, String, String?, String?, String?, Date).self)
        guard let direction = Direction(rawValue: direction) else {
            throw ConversationRowError.unknownValue(column: "transcript.direction", direction)
        }
        self.init(
            id: id, sessionId: sessionID, direction: direction, text: text,
            choices: try choices.map { try JSONText.decode([Choice].self, from: $0, column: "choices") },
            participant: participant, platformMessageId: platformMessageID, createdAt: createdAt)
    }
}

extension SessionRecord {
    /// A session from a row of `SessionRecord.columns`, in their order.
    init(postgres row: PostgresRow) throws {
        let (
            id, channel, conversation, participant, status, currentStep, misses, pendingConfirmation, contentVersion,
            createdAt, updatedAt, revision, workshopId, pendingOptionId, pendingNote, language
        ) = try row.decode(
            (
                Int64, String, String, String?, String, String?, Int, String?, String, Date, Date, Int, Int64?, String?,
                String?, String?
            ).self)
        self.init(
            id: id, channel: channel, conversation: conversation, participant: participant,
            status: try SessionStatus(stored: status), currentStep: currentStep, misses: misses,
            pendingConfirmation: pendingConfirmation, pendingOptionId: pendingOptionId, pendingNote: pendingNote,
            contentVersion: contentVersion, createdAt: createdAt, updatedAt: updatedAt, revision: revision,
            workshopId: workshopId, language: language)
    }

    /// The session's id, which every saved session has.
    func savedID() throws -> Int64 {
        guard let id else { throw ConversationRowError.noRowReturned("sessions") }
        return id
    }
}

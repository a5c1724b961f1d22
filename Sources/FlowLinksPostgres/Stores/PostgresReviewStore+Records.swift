import FlowLinksCore
import FlowLinksStore
import Foundation
import PostgresNIO

/// The store's records read from PostgreSQL rows, by column name (`SELECT *` of their table).
enum PostgresRecords {
    static func session(_ row: PostgresRow) throws -> SessionRecord {
        let row = row.makeRandomAccess()
        return SessionRecord(
            id: try row["id"].decode(Int64.self), channel: try row["channel"].decode(String.self),
            conversation: try row["conversation"].decode(String.self),
            participant: try row["participant"].decode(String?.self),
            status: try PostgresRowError.status(try row["status"].decode(String.self)),
            currentStep: try row["current_step"].decode(String?.self), misses: try row["misses"].decode(Int.self),
            pendingConfirmation: try row["pending_confirmation"].decode(String?.self),
            pendingOptionId: try row["pending_option_id"].decode(String?.self),
            pendingNote: try row["pending_note"].decode(String?.self),
            contentVersion: try row["content_version"].decode(String.self),
            createdAt: try row["created_at"].decode(Date.self), updatedAt: try row["updated_at"].decode(Date.self),
            revision: try row["revision"].decode(Int.self), workshopId: try row["workshop_id"].decode(Int64?.self),
            language: try row["language"].decode(String?.self))
    }

    static func answer(_ row: PostgresRow) throws -> AnswerRecord {
        let row = row.makeRandomAccess()
        return AnswerRecord(
            id: try row["id"].decode(Int64.self), sessionId: try row["session_id"].decode(Int64.self),
            stepId: try row["step_id"].decode(String.self), optionId: try row["option_id"].decode(String?.self),
            text: try row["text"].decode(String?.self), skipped: try row["skipped"].decode(Bool.self),
            answeredAt: try row["answered_at"].decode(Date.self),
            replacedAt: try row["replaced_at"].decode(Date?.self))
    }

    static func transcriptLine(_ row: PostgresRow) throws -> TranscriptLine {
        let row = row.makeRandomAccess()
        let direction = try row["direction"].decode(String.self)
        guard let known = TranscriptLine.Direction(rawValue: direction) else {
            throw PostgresRowError.unknownValue(column: "transcript.direction", value: direction)
        }
        return TranscriptLine(
            id: try row["id"].decode(Int64.self), sessionId: try row["session_id"].decode(Int64.self),
            direction: known, text: try row["text"].decode(String.self),
            choices: try row["choices"].decode(String?.self).map { try json([Choice].self, $0) },
            participant: try row["participant"].decode(String?.self),
            platformMessageId: try row["platform_message_id"].decode(String?.self),
            createdAt: try row["created_at"].decode(Date.self))
    }

    static func result(_ row: PostgresRow) throws -> ResultRecord {
        let row = row.makeRandomAccess()
        return ResultRecord(
            sessionId: try row["session_id"].decode(Int64.self),
            recommendedLevel: try row["recommended_level"].decode(Int.self),
            overallLevel: try row["overall_level"].decode(Int.self),
            result: try json(SessionResult.self, try row["result"].decode(String.self)),
            contentVersion: try row["content_version"].decode(String.self),
            createdAt: try row["created_at"].decode(Date.self))
    }

    static func note(_ row: PostgresRow) throws -> FacilitatorNote {
        let row = row.makeRandomAccess()
        return FacilitatorNote(
            id: try row["id"].decode(Int64.self), sessionId: try row["session_id"].decode(Int64.self),
            author: try row["author"].decode(String.self), text: try row["text"].decode(String.self),
            createdAt: try row["created_at"].decode(Date.self), updatedAt: try row["updated_at"].decode(Date.self))
    }

    static func workshop(_ row: PostgresRow) throws -> WorkshopRecord {
        let row = row.makeRandomAccess()
        return WorkshopRecord(
            id: try row["id"].decode(Int64.self), code: try row["code"].decode(String.self),
            name: try row["name"].decode(String.self),
            organizations: try json([String].self, try row["organizations"].decode(String.self)),
            initiatives: try json([String].self, try row["initiatives"].decode(String.self)),
            followsId: try row["follows_id"].decode(Int64?.self), closesAt: try row["closes_at"].decode(Date?.self),
            closedAt: try row["closed_at"].decode(Date?.self), createdAt: try row["created_at"].decode(Date.self))
    }

    /// A JSON column's value, written as GRDB writes a record's JSON column (so the text is the same
    /// on both backends): `JSONEncoder` with sorted keys.
    static func jsonText(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    private static func json<Value: Decodable>(_ type: Value.Type, _ text: String) throws -> Value {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }
}

/// A stored value no version of FlowLinks writes: an error, not a guess.
enum PostgresRowError: Error, CustomStringConvertible {
    case unknownValue(column: String, value: String)

    var description: String {
        switch self {
        case .unknownValue(let column, let value): "\(column) holds the unknown value \"\(value)\""
        }
    }

    /// A session's stored status.
    static func status(_ text: String) throws -> SessionStatus {
        guard let status = SessionStatus(rawValue: text) else {
            throw unknownValue(column: "sessions.status", value: text)
        }
        return status
    }
}

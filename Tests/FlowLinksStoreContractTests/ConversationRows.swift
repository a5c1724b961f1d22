import FlowLinksCore
import FlowLinksPostgres
import FlowLinksStore
import FlowLinksTesting
import Foundation
import Testing

/// What the conversation rows hold, read the same way from either backend.
protocol ConversationRows: Sendable {
    /// How many rows each conversation table holds.
    func rowCounts() async throws -> [String: Int]
    /// Every answer of the session ever given, oldest first, as "step: text", "(replaced)" after a replaced one.
    func answerHistory(ofSession id: Int64) async throws -> [String]
    func status(ofSession id: Int64) async throws -> SessionStatus?
    /// The queued platform calls, oldest first, as "conversation method body status attempts".
    func outbox() async throws -> [String]
}

struct SQLiteRows: ConversationRows {
    let database: SQLiteDatabase
    let outbox: any OutboxStore

    func rowCounts() async throws -> [String: Int] { try database.rowCounts() }

    func answerHistory(ofSession id: Int64) async throws -> [String] {
        try database.answerHistory(ofSession: id).map {
            "\($0.stepId): \($0.text ?? "")" + ($0.replacedAt == nil ? "" : " (replaced)")
        }
    }

    func status(ofSession id: Int64) async throws -> SessionStatus? { try database.session(id: id)?.status }

    func outbox() async throws -> [String] {
        try await outbox.outboxCalls(withStatus: Set(OutboxRecord.Status.allCases), limit: 1000).calls.reversed().map {
            "\($0.conversation) \($0.method) \(String(decoding: $0.body, as: UTF8.self)) \($0.status.rawValue) \($0.attempts)"
        }
    }
}

struct PostgresRows: ConversationRows {
    let database: PostgreSQLDatabase

    func rowCounts() async throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for table in ["sessions", "answers", "transcript", "results", "processed_events", "outbox"] {
            counts[table] = try await database.column("SELECT count(*) FROM \(unescaped: table)", as: Int.self).first
        }
        return counts
    }

    func answerHistory(ofSession id: Int64) async throws -> [String] {
        try await database.column(
            """
            SELECT step_id || ': ' || coalesce(text, '') || CASE WHEN replaced_at IS NULL THEN '' ELSE ' (replaced)' END
            FROM answers WHERE session_id = \(id) ORDER BY id
            """)
    }

    func status(ofSession id: Int64) async throws -> SessionStatus? {
        try await database.column("SELECT status FROM sessions WHERE id = \(id)", as: String.self).first
            .flatMap(SessionStatus.init(rawValue:))
    }

    func outbox() async throws -> [String] {
        try await database.column(
            """
            SELECT conversation || ' ' || method || ' ' || convert_from(body, 'UTF8') || ' ' || status || ' ' || attempts
            FROM outbox ORDER BY id
            """)
    }
}

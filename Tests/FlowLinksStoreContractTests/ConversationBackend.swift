import FlowLinksCore
import FlowLinksPostgres
import FlowLinksStore
import FlowLinksTesting
import Foundation
import Testing

/// The conversation stores the conversation contract tests run against, each test on an empty
/// database. PostgreSQL runs only when a test server is given (`FLOWLINKS_TEST_POSTGRES`).
// why: not a `StoreBackend` case, which needs all six stores; the conversations come first.
enum ConversationBackend: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite, postgres

    var testDescription: String { rawValue }

    /// The backends this run can test.
    static let available: [ConversationBackend] = PostgresTestServer.url == nil ? [.sqlite] : allCases

    /// Runs `body` with two conversation stores on one new, empty database, and a look at its rows.
    func withConversations<Result: Sendable>(_ body: (ConversationDatabase) async throws -> Result) async throws -> Result {
        switch self {
        case .sqlite:
            let database = try SQLiteDatabase.inMemory()
            let stores = database.stores(naming: NamingSteps(DefaultPrompts.script))
            return try await body(
                ConversationDatabase(
                    store: stores.conversations,
                    replica: database.stores(naming: NamingSteps(DefaultPrompts.script)).conversations,
                    query: SQLiteRows(database: database, outbox: stores.outbox)))
        case .postgres:
            return try await PostgresTestServer.withMigratedDatabase { database in
                // why: a second pool on the same database stands in for a second replica.
                try await PostgreSQLDatabase.withDatabase(
                    location: database.location, poolSize: 2, logger: PostgresTestServer.logger
                ) { other in
                    try await body(
                        ConversationDatabase(
                            store: PostgresConversationStore(database: database),
                            replica: PostgresConversationStore(database: other), query: PostgresRows(database: database)))
                }
            }
        }
    }
}

/// Two conversation stores on one database (as two replicas have), and its rows.
struct ConversationDatabase: Sendable {
    let store: any ConversationStore
    /// Another store on the same database.
    let replica: any ConversationStore
    let query: any ConversationRows
}

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

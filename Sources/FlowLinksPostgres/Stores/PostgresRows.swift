import FlowLinksStore
import Foundation
import PostgresNIO

/// A value read from PostgreSQL that the app cannot take as it is.
public enum PostgresStoredValueError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A column holds a value outside the ones the app writes (an unknown status).
    case unexpected(column: String, value: String)

    public var description: String {
        switch self {
        case .unexpected(let column, let value): "The column \(column) holds \(value), which the app never writes."
        }
    }
}

extension PSQLError {
    /// Whether the server refused the statement for breaking a unique index (SQLSTATE 23505).
    var isUniqueViolation: Bool { serverInfo?[.sqlState] == "23505" }
}

extension PostgresRowSequence {
    /// The first column of every row, as `T`.
    func column<T: PostgresDecodable & Sendable>(_ type: T.Type = T.self) async throws -> [T] {
        var values: [T] = []
        for try await value in decode(T.self) { values.append(value) }
        return values
    }
}

extension OutboxRecord {
    /// The columns `init(row:)` reads, in its order.
    static let postgresColumns =
        "id, session_id, channel, conversation, method, body, status, attempts, next_attempt_at, last_error, created_at, sent_at"

    /// A call from a row of `postgresColumns`.
    init(postgresRow row: PostgresRow) throws {
        let (id, sessionID, channel, conversation, method, body, status, attempts, nextAttemptAt, lastError, createdAt, sentAt) =
            try row.decode(
                (Int64, Int64?, String, String, String, Data, String, Int, Date, String?, Date, Date?).self)
        guard let known = Status(rawValue: status) else {
            throw PostgresStoredValueError.unexpected(column: "outbox.status", value: status)
        }
        self.init(
            id: id, sessionId: sessionID, channel: channel, conversation: conversation, method: method, body: body,
            status: known, attempts: attempts, nextAttemptAt: nextAttemptAt, lastError: lastError, createdAt: createdAt,
            sentAt: sentAt)
    }

    /// The calls in the rows of `postgresColumns`.
    static func all(in rows: PostgresRowSequence) async throws -> [OutboxRecord] {
        var calls: [OutboxRecord] = []
        for try await row in rows { calls.append(try OutboxRecord(postgresRow: row)) }
        return calls
    }
}

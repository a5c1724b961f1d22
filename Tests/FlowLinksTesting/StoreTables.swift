import FlowLinksPostgres
import FlowLinksStore
import Foundation
import GRDB
import PostgresNIO

/// A value a test binds into its SQL, bound as each backend binds the app's own values.
public enum TableValue: Sendable {
    case text(String)
    case integer(Int64)
    case date(Date)
    case null
}

/// A store's tables written straight by a test, with SQL that both SQLite and PostgreSQL accept
/// (`?` for each value), to set up rows no store method writes yet (a session, its answers).
public struct StoreTables: Sendable {
    private let run: @Sendable (String, [TableValue]) async throws -> [Int64]

    /// Runs `sql` and returns the first column of the rows it returns (`RETURNING id`), if any.
    @discardableResult
    public func execute(_ sql: String, _ values: [TableValue] = []) async throws -> [Int64] {
        try await run(sql, values)
    }

    /// A new in-memory SQLite database, with its tables and a way to seed review rows into it.
    public static func inMemorySQLite() throws -> (
        database: SQLiteDatabase, tables: StoreTables, seeding: SQLiteReviewSeeding
    ) {
        let queue = try DatabaseQueue()
        return (try SQLiteDatabase(queue), .sqlite(queue), SQLiteReviewSeeding(writer: queue))
    }

    /// The tables of the SQLite database in `writer`.
    public static func sqlite(_ writer: any DatabaseWriter) -> StoreTables {
        StoreTables { sql, values in
            let arguments = StatementArguments(
                values.map { value -> DatabaseValue in
                    switch value {
                    case .text(let text): text.databaseValue
                    case .integer(let integer): integer.databaseValue
                    case .date(let date): date.databaseValue
                    case .null: .null
                    }
                })
            return try await writer.write { try Int64.fetchAll($0, sql: sql, arguments: arguments) }
        }
    }

    /// The tables of a PostgreSQL database; the `?`s become `$1`, `$2`, ….
    public static func postgres(_ database: PostgreSQLDatabase) -> StoreTables {
        StoreTables { sql, values in
            var bindings = PostgresBindings()
            for value in values {
                switch value {
                case .text(let text): bindings.append(text)
                case .integer(let integer): bindings.append(integer)
                case .date(let date): bindings.append(date)
                case .null: bindings.appendNull()
                }
            }
            let parts = sql.split(separator: "?", omittingEmptySubsequences: false)
            let numbered = parts.enumerated().map { $0.offset == 0 ? String($0.element) : "$\($0.offset)\($0.element)" }
            let rows = try await database.client.query(PostgresQuery(unsafeSQL: numbered.joined(), binds: bindings))
            var ids: [Int64] = []
            for try await row in rows where !row.isEmpty { ids.append(try row.decode(Int64.self)) }
            return ids
        }
    }

    /// Adds a session of `conversation` last active at `updatedAt`; returns its id.
    public func addSession(_ conversation: String, updatedAt: Date) async throws -> Int64 {
        let ids = try await execute(
            """
            INSERT INTO sessions (channel, conversation, status, content_version, created_at, updated_at)
            VALUES ('telegram', ?, 'active', 'v1', ?, ?) RETURNING id
            """, [.text(conversation), .date(updatedAt), .date(updatedAt)])
        guard let id = ids.first else { throw StoreTablesError.noRowReturned }
        return id
    }
}

/// A test's own SQL did not do what it meant to.
public enum StoreTablesError: Error {
    case noRowReturned
}

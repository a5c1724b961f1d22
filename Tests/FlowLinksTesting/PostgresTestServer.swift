import FlowLinksPostgres
import Foundation
import Logging
import PostgresNIO
import Testing

/// The PostgreSQL server the tests run against: `FLOWLINKS_TEST_POSTGRES`, a URL that
/// `Tests/Reliability/postgres.sh start` prints. Without it the server tests are skipped, unless
/// `FLOWLINKS_REQUIRE_POSTGRES=1` (as in CI), which makes a missing server a failure.
public enum PostgresTestServer {
    public static let url = ProcessInfo.processInfo.environment["FLOWLINKS_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }
    public static let isRequired = ProcessInfo.processInfo.environment["FLOWLINKS_REQUIRE_POSTGRES"] == "1"

    /// The trait of a suite that needs the server.
    public static let available = ConditionTrait.enabled(
        if: url != nil,
        Comment(
            rawValue: "FLOWLINKS_TEST_POSTGRES is not set, so there is no PostgreSQL server to test against "
                + "(start one: export FLOWLINKS_TEST_POSTGRES=$(Tests/Reliability/postgres.sh start))"))

    public static let logger = Logger(label: "flowlinks.postgres.tests")

    public static func location() throws -> PostgresLocation {
        try PostgresLocation(url: try #require(url))
    }

    /// Runs `body` with the server's location narrowed to a schema of its own, created for the
    /// test and dropped after it, so tests run side by side and leave nothing behind.
    @discardableResult
    public static func withFreshSchema<Result: Sendable>(
        _ body: (PostgresLocation) async throws -> Result
    ) async throws -> Result {
        let server = try location()
        let schema = "test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        try await execute("CREATE SCHEMA \(schema)", on: server)
        var narrowed = server
        narrowed.serverOptions = "-c search_path=\(schema)"
        do {
            let result = try await body(narrowed)
            try await execute("DROP SCHEMA \(schema) CASCADE", on: server)
            return result
        } catch {
            try? await execute("DROP SCHEMA \(schema) CASCADE", on: server)
            throw error
        }
    }

    /// Runs `body` with the server's URL narrowed to a fresh, empty schema (dropped after), as a
    /// program such as `flowlinks serve` takes it.
    @discardableResult
    public static func withFreshSchemaURL<Result: Sendable>(_ body: (String) async throws -> Result) async throws -> Result {
        let base = try #require(url)
        return try await withFreshSchema { location in
            let options = try #require(
                location.serverOptions?.addingPercentEncoding(withAllowedCharacters: .alphanumerics))
            return try await body(base + (base.contains("?") ? "&" : "?") + "options=" + options)
        }
    }

    /// Runs `body` with a migrated database in a fresh schema.
    @discardableResult
    public static func withMigratedDatabase<Result: Sendable>(
        _ body: (PostgreSQLDatabase) async throws -> Result
    ) async throws -> Result {
        try await withFreshSchema { location in
            try await PostgreSQLDatabase.withDatabase(location: location, poolSize: 2, logger: logger) { database in
                try await database.migrate()
                return try await body(database)
            }
        }
    }

    /// Runs one statement of test set-up on its own connection.
    private static func execute(_ sql: String, on location: PostgresLocation) async throws {
        _ = try await PostgreSQLDatabase.withConnection(try location.connectionConfiguration(), logger: logger) {
            try await $0.query(PostgresQuery(unsafeSQL: sql), logger: logger)
        }
    }
}

extension PostgreSQLDatabase {
    /// The first column of every row `sql` returns, as `T`.
    public func column<T: PostgresDecodable & Sendable>(_ sql: PostgresQuery, as type: T.Type = T.self) async throws -> [T] {
        var values: [T] = []
        for try await (value) in try await client.query(sql).decode(T.self) { values.append(value) }
        return values
    }
}

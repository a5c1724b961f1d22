import Foundation
import PostgresNIO

extension PostgreSQLDatabase {
    /// The key of the advisory lock migrations hold: "FlowLink" in ASCII.
    // why: replicas started together all try to migrate; the lock lets one apply the pending
    // migrations while the others wait, then find nothing left to do.
    static let migrationLockKey: Int64 = 0x466C_6F77_4C69_6E6B

    /// Applies the migrations the database does not have yet, all in one transaction holding the
    /// migration lock (so replicas starting together do not race); returns the names applied.
    @discardableResult
    public func migrate(_ migrations: [PostgresMigration] = PostgresMigration.all) async throws -> [String] {
        let logger = logger
        return try await transaction { connection in
            try await connection.query("SELECT pg_advisory_xact_lock(\(Self.migrationLockKey))", logger: logger).drain()
            try await connection.query(
                """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    name text PRIMARY KEY,
                    applied_at timestamptz NOT NULL DEFAULT clock_timestamp()
                )
                """, logger: logger
            ).drain()
            let applied = Set(try await Self.appliedMigrations(connection, logger: logger).map(\.name))
            var names: [String] = []
            for migration in migrations where !applied.contains(migration.name) {
                for statement in migration.statements {
                    do {
                        try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger).drain()
                    } catch {
                        throw PostgresMigrationError(migration: migration.name, underlying: error)
                    }
                }
                try await connection.query(
                    "INSERT INTO schema_migrations (name) VALUES (\(migration.name))", logger: logger
                ).drain()
                logger.info("Applied a PostgreSQL migration", metadata: ["migration": "\(migration.name)"])
                names.append(migration.name)
            }
            return names
        }
    }

    /// The migrations the database has, next to the ones this program knows.
    public func migrationStatus(
        known migrations: [PostgresMigration] = PostgresMigration.all
    ) async throws -> PostgresMigrationStatus {
        let logger = logger
        let applied = try await client.withConnection { connection in
            try await Self.appliedMigrations(connection, logger: logger)
        }
        return PostgresMigrationStatus(applied: applied, known: migrations.map(\.name))
    }

    /// The recorded migrations in the order applied; none when the table is not there yet.
    private static func appliedMigrations(
        _ connection: PostgresConnection, logger: Logger
    ) async throws -> [PostgresMigrationStatus.Applied] {
        // why: `to_regclass` looks the table up on the search path, as the queries below do.
        let exists = try await connection.query(
            "SELECT to_regclass('schema_migrations') IS NOT NULL", logger: logger
        ).collect().first?.decode(Bool.self)
        guard exists == true else { return [] }
        var applied: [PostgresMigrationStatus.Applied] = []
        let rows = try await connection.query(
            "SELECT name, applied_at FROM schema_migrations ORDER BY applied_at, name", logger: logger)
        for try await (name, appliedAt) in rows.decode((String, Date).self) {
            applied.append(.init(name: name, appliedAt: appliedAt))
        }
        return applied
    }
}

/// A migration the server refused, with the server's own words (postgres-nio's errors describe
/// themselves only as "Database error", to keep query values out of logs).
public struct PostgresMigrationError: Error, CustomStringConvertible {
    public var migration: String
    public var underlying: any Error

    public var description: String {
        let detail = (underlying as? PSQLError)?.serverInfo?[.message] ?? "\(underlying)"
        return "The PostgreSQL migration \"\(migration)\" failed: \(detail)"
    }
}

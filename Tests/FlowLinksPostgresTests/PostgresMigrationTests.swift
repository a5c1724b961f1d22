import FlowLinksPostgres
import FlowLinksTesting
import Foundation
import PostgresNIO
import Testing

@Suite(PostgresTestServer.available) struct PostgresMigrationTests {
    static let tables: Set = [
        "answers", "facilitator_notes", "facilitator_signins", "facilitators", "outbox", "processed_events",
        "results", "schema_migrations", "sessions", "throttles", "transcript", "workshops",
    ]

    @Test func migrationsCreateEveryTable() async throws {
        let tables = try await PostgresTestServer.withMigratedDatabase { database in
            try await database.column(
                "SELECT table_name::text FROM information_schema.tables WHERE table_schema = current_schema()",
                as: String.self)
        }
        #expect(Set(tables) == Self.tables)
    }

    @Test func aNewDatabaseHasEveryMigrationPending() async throws {
        let status = try await PostgresTestServer.withFreshSchema { location in
            try await PostgreSQLDatabase.withDatabase(location: location, poolSize: 1) { try await $0.migrationStatus() }
        }
        #expect(status.applied.isEmpty)
        #expect(status.pending == PostgresMigration.all.map(\.name))
        #expect(!status.isUpToDate)
    }

    @Test func migratingAgainAppliesNothingAndLeavesNothingPending() async throws {
        let (first, second, status) = try await PostgresTestServer.withFreshSchema { location in
            try await PostgreSQLDatabase.withDatabase(location: location, poolSize: 1) { database in
                (try await database.migrate(), try await database.migrate(), try await database.migrationStatus())
            }
        }
        #expect(first == PostgresMigration.all.map(\.name))
        #expect(second.isEmpty)
        #expect(status.applied.map(\.name) == PostgresMigration.all.map(\.name))
        #expect(status.pending.isEmpty)
        #expect(status.isUpToDate)
    }

    @Test func twoReplicasMigratingAtOnceApplyEachMigrationOnce() async throws {
        let (first, second, recorded) = try await PostgresTestServer.withFreshSchema { location in
            async let first = PostgreSQLDatabase.withDatabase(location: location, poolSize: 1) { try await $0.migrate() }
            async let second = PostgreSQLDatabase.withDatabase(location: location, poolSize: 1) { try await $0.migrate() }
            let applied = (try await first, try await second)
            let recorded = try await PostgreSQLDatabase.withDatabase(location: location, poolSize: 1) {
                try await $0.column("SELECT name FROM schema_migrations", as: String.self)
            }
            return (applied.0, applied.1, recorded)
        }
        #expect((first + second).sorted() == PostgresMigration.all.map(\.name).sorted())
        #expect(first.isEmpty || second.isEmpty)
        #expect(recorded.sorted() == PostgresMigration.all.map(\.name).sorted())
    }

    @Test func aMigrationFromANewerFlowLinksIsReportedAsUnknown() async throws {
        let status = try await PostgresTestServer.withMigratedDatabase { database in
            try await database.client.query("INSERT INTO schema_migrations (name) VALUES ('v99: from the future')")
            return try await database.migrationStatus()
        }
        #expect(status.unknown == ["v99: from the future"])
        #expect(status.pending.isEmpty)
        #expect(!status.isUpToDate)
    }

    @Test func aFailingMigrationIsRolledBackWholeAndNamed() async throws {
        let broken = PostgresMigration(
            name: "v2: broken", statements: ["CREATE TABLE half_done (id bigint)", "CREATE TABLE sessions (id bigint)"])
        let (message, tables, status) = try await PostgresTestServer.withMigratedDatabase { database in
            let error = await #expect(throws: PostgresMigrationError.self) {
                try await database.migrate(PostgresMigration.all + [broken])
            }
            let tables = try await database.column(
                "SELECT table_name::text FROM information_schema.tables WHERE table_schema = current_schema()",
                as: String.self)
            return (error?.description ?? "", tables, try await database.migrationStatus())
        }
        #expect(message.contains("v2: broken"))
        #expect(message.contains("already exists"))
        #expect(!tables.contains("half_done"))
        #expect(status.applied.map(\.name) == PostgresMigration.all.map(\.name))
    }
}

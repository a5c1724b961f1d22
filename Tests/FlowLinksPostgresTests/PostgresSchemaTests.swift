import FlowLinksPostgres
import FlowLinksTesting
import Foundation
import PostgresNIO
import Testing

/// The PostgreSQL schema keeps the rules the SQLite one does: keys, cascades, checks.
@Suite(PostgresTestServer.available) struct PostgresSchemaTests {
    static let now = Date(timeIntervalSince1970: 1_750_000_000)

    @Test func aStepHasOneCurrentAnswerAndAnyNumberReplaced() async throws {
        try await PostgresTestServer.withMigratedDatabase { database in
            let session = try await Self.insertSession(database)
            let answer: PostgresQuery = """
                INSERT INTO answers (session_id, step_id, answered_at) VALUES (\(session), 'focus', \(Self.now))
                """
            try await database.client.query(answer)
            try await database.client.query("UPDATE answers SET replaced_at = \(Self.now)")
            try await database.client.query(answer)
            await #expect(throws: PSQLError.self) { try await database.client.query(answer) }
        }
    }

    @Test func aRepeatedEventIsRecordedOnceWithOnConflict() async throws {
        let counts = try await PostgresTestServer.withMigratedDatabase { database in
            let insert: PostgresQuery = """
                INSERT INTO processed_events (channel, conversation, event_id, replies, created_at)
                VALUES ('telegram', '42', 'update-7', '[]', \(Self.now))
                ON CONFLICT (channel, conversation, event_id) DO NOTHING RETURNING 1
                """
            let first = try await database.column(insert, as: Int.self).count
            let second = try await database.column(insert, as: Int.self).count
            return (first, second)
        }
        #expect(counts == (1, 0))
    }

    @Test func removingASessionRemovesWhatHangsOnItAndLeavesItsWorkshop() async throws {
        let left = try await PostgresTestServer.withMigratedDatabase { database in
            let workshop = try await database.column(
                """
                INSERT INTO workshops (code, name, organizations, initiatives, created_at)
                VALUES ('ABC123', 'Spring', '[]', '[]', \(Self.now)) RETURNING id
                """, as: Int64.self)[0]
            let session = try await Self.insertSession(database, workshop: workshop)
            try await database.client.query(
                "INSERT INTO transcript (session_id, direction, text, created_at) VALUES (\(session), 'in', 'hi', \(Self.now))")
            try await database.client.query(
                """
                INSERT INTO outbox (session_id, channel, conversation, method, body, status, next_attempt_at, created_at)
                VALUES (\(session), 'telegram', '42', 'sendMessage', '\\x7b7d'::bytea, 'pending', \(Self.now), \(Self.now))
                """)
            try await database.client.query("DELETE FROM workshops")
            let unlinked = try await database.column("SELECT count(*) FROM sessions WHERE workshop_id IS NULL", as: Int.self)
            try await database.client.query("DELETE FROM sessions")
            let rows = try await database.column(
                "SELECT (SELECT count(*) FROM transcript) + (SELECT count(*) FROM outbox)", as: Int.self)
            return (unlinked[0], rows[0])
        }
        #expect(left == (1, 0))
    }

    @Test func facilitatorNamesAreUniqueWithoutRegardToCase() async throws {
        try await PostgresTestServer.withMigratedDatabase { database in
            func add(_ name: String) async throws {
                try await database.client.query(
                    """
                    INSERT INTO facilitators (username, password_hash, created_at, password_changed_at)
                    VALUES (\(name), 'hash', \(Self.now), \(Self.now))
                    """)
            }
            try await add("Ana")
            await #expect(throws: PSQLError.self) { try await add("ANA") }
        }
    }

    @Test func theOutboxRefusesAnUnknownStatus() async throws {
        try await PostgresTestServer.withMigratedDatabase { database in
            await #expect(throws: PSQLError.self) {
                try await database.client.query(
                    """
                    INSERT INTO outbox (channel, conversation, method, body, status, next_attempt_at, created_at)
                    VALUES ('telegram', '42', 'sendMessage', '\\x00'::bytea, 'lost', \(Self.now), \(Self.now))
                    """)
            }
        }
    }

    private static func insertSession(_ database: PostgreSQLDatabase, workshop: Int64? = nil) async throws -> Int64 {
        try await database.column(
            """
            INSERT INTO sessions (channel, conversation, status, content_version, created_at, updated_at, workshop_id)
            VALUES ('telegram', '42', 'active', '1', \(now), \(now), \(workshop)) RETURNING id
            """, as: Int64.self)[0]
    }
}

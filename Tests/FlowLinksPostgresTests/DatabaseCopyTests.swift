import FlowLinksCore
import FlowLinksStore
import FlowLinksTesting
import Foundation
import PostgresNIO
import Testing

@testable import FlowLinksPostgres

@Suite("db copy: SQLite into an empty PostgreSQL database, verified", PostgresTestServer.available)
struct DatabaseCopyTests {
    /// A SQLite file with a bit of everything: finished and unfinished sessions with queued replies,
    /// a workshop, a facilitator with a note, and text that is hard to carry (quotes, emoji, accents).
    static func populatedFile() async throws -> String {
        let folder = try TemporaryFolder()
        let database = try SQLiteDatabase.open(path: folder.database)
        let now = TestClock().now
        let conversations = WebhookConversations(database)
        try await conversations.say(["hello"] + SampleAnswers.complete, in: "a", at: now)
        try await conversations.say(["hola", "Café \"Móvil\" 🌱", "Parent Cafe"], in: "b", at: now + 60)
        var generator = SystemRandomNumberGenerator()
        _ = try await database.workshops.createWorkshop(
            name: "Spring", organizations: ["Riverside"], now: now, generator: &generator)
        let facilitator = try await database.facilitators.addFacilitator(username: "maria", passwordHash: "$2b$x", now: now)
        #expect(facilitator.id != nil)
        _ = try await database.facilitators.addNote(toSession: 1, author: "maria", text: "Follow up in May", now: now)
        return folder.database
    }

    @Test func everyTableArrivesWithTheSameRowsAndNewRowsContinueAfterTheCopiedIds() async throws {
        let path = try await Self.populatedFile()
        try await PostgresTestServer.withMigratedDatabase { target in
            let reports = try await DatabaseCopy(sqlitePath: path, target: target).run()
            let rows = Dictionary(uniqueKeysWithValues: reports.map { ($0.table, $0.rows) })
            #expect(reports.filter { !$0.isVerified }.isEmpty)
            #expect(rows["sessions"] == 2)
            #expect(rows["workshops"] == 1)
            #expect(rows["facilitator_notes"] == 1)
            #expect((rows["answers"] ?? 0) >= SampleAnswers.complete.count)
            #expect((rows["outbox"] ?? 0) > 0)
            let sessions = try await target.column(
                "SELECT organization.text FROM answers AS organization WHERE step_id = 'organization' ORDER BY session_id",
                as: String.self)
            #expect(sessions == ["Riverside Family Services", "Café \"Móvil\" 🌱"])
            let next = try await target.column(
                "INSERT INTO facilitators (username, password_hash, created_at, password_changed_at) VALUES ('sam', 'h', now(), now()) RETURNING id",
                as: Int.self)
            #expect(next == [2], "the identity continues after the copied id 1")
        }
    }

    @Test func aDatabaseThatHoldsDataIsNotCopiedInto() async throws {
        let path = try await Self.populatedFile()
        try await PostgresTestServer.withMigratedDatabase { target in
            _ = try await DatabaseCopy(sqlitePath: path, target: target).run()
            await #expect(throws: DatabaseCopyError.targetNotEmpty(table: "facilitators", rows: 1)) {
                try await DatabaseCopy(sqlitePath: path, target: target).run()
            }
        }
    }

    @Test func theHashChangesWithAnyValueAndNotWithTheRowsOrder() {
        let table = CopiedTable(name: "t", key: ["id"], hasIdentity: true)
        let columns: [(String, CopiedType)] = [("id", .integer), ("text", .text)]
        let rows: [[CopiedValue]] = [[.integer(1), .text("a")], [.integer(2), .text("b")]]
        let hash = DatabaseCopy.hash(rows, key: table, columns)
        #expect(DatabaseCopy.hash(rows.reversed(), key: table, columns) == hash)
        #expect(DatabaseCopy.hash([[.integer(1), .text("a")], [.integer(2), .text("c")]], key: table, columns) != hash)
        #expect(DatabaseCopy.hash([[.integer(1), .text("a")], [.integer(2), .null]], key: table, columns) != hash)
        #expect(DatabaseCopy.hash([[.integer(1), .text("ab")], [.integer(2), .text("")]], key: table, columns) != hash)
    }
}

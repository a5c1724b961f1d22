import FlowLinksTesting
import Foundation
import GRDB
import Testing

@testable import FlowLinksStore

@Suite("Checking a database file: integrity, foreign keys, migrations")
struct DatabaseCheckTests {
    let folder: TemporaryFolder

    var path: String { folder.database }

    init() throws { folder = try TemporaryFolder() }

    @Test func aSoundUpToDateDatabaseIsHealthy() async throws {
        try await WebhookConversations(try SQLiteDatabase.open(path: path)).say(["hello"], in: "team-a", at: Date())
        let health = try DatabaseFile(path: path).check()
        #expect(health.isHealthy)
        #expect(health.integrityProblems.isEmpty)
        #expect(health.foreignKeyProblems.isEmpty)
        #expect(health.migrations?.isUpToDate == true)
        #expect(health.migrations?.applied == SQLiteDatabase.migrator.migrations)
        #expect(health.sessions == 1)
    }

    @Test func migrationsNotYetAppliedArePendingAndCheckingAppliesNone() throws {
        let known = SQLiteDatabase.migrator.migrations
        try SQLiteDatabase.migrator.migrate(DatabaseQueue(path: path), upTo: known[1])
        let health = try DatabaseFile(path: path).check()
        #expect(health.migrations?.pending == Array(known[2...]))
        #expect(health.isHealthy, "serve applies pending migrations when it starts")
        #expect(try DatabaseFile(path: path).check().migrations?.pending == Array(known[2...]))
    }

    @Test func aDatabaseFromANewerFlowLinksIsReported() throws {
        _ = try SQLiteDatabase.open(path: path)
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v9: from the future')")
        }
        let health = try DatabaseFile(path: path).check()
        #expect(health.migrations?.unknown == ["v9: from the future"])
        #expect(!health.isHealthy)
    }

    @Test func aRowPointingToAMissingSessionIsReported() throws {
        _ = try SQLiteDatabase.open(path: path)
        var configuration = Configuration()
        configuration.foreignKeysEnabled = false
        try DatabaseQueue(path: path, configuration: configuration).write { db in
            try db.execute(
                sql: "INSERT INTO answers (session_id, step_id, answered_at) VALUES (42, 'organization', '2026-01-01')")
        }
        let health = try DatabaseFile(path: path).check()
        #expect(health.foreignKeyProblems == ["answers row 1 points to a missing sessions row"])
        #expect(!health.isHealthy)
    }

    @Test func aDamagedPageFailsTheIntegrityCheck() async throws {
        do {
            let database = try SQLiteDatabase.open(path: path)
            let conversations = WebhookConversations(database)
            for number in 1...30 { try await conversations.say(["hello", "Riverside \(number)"], in: "\(number)", at: Date()) }
        }
        try DatabaseDamage.overwritePage(3, of: path)
        let health = try DatabaseFile(path: path).check()
        #expect(!health.integrityProblems.isEmpty)
        #expect(!health.isHealthy)
    }

    @Test func aFileThatIsNotADatabaseIsRefusedByName() throws {
        try Data(String(repeating: "plain text ", count: 500).utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: MaintenanceError.self) { try DatabaseFile(path: path).check() }
        #expect(throws: MaintenanceError.missing(path: folder.path("none.sqlite"))) {
            try DatabaseFile(path: folder.path("none.sqlite")).check()
        }
    }
}

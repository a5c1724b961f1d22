import FlowLinksCore
import FlowLinksTesting
import Foundation
import Testing

@testable import FlowLinksStore

/// `flowlinks db backup|restore|check|purge`, run as a program against databases the test fills.
@Suite("flowlinks db, as a program")
struct DatabaseCommandTests {
    let folder: TemporaryFolder

    var database: String { folder.database }

    init() throws { folder = try TemporaryFolder() }

    func db(_ arguments: [String], on path: String? = nil) throws -> Program.Run {
        try Program.run(["db"] + arguments + ["--db", path ?? database], input: [])
    }

    /// Fills the database with finished sessions, then closes it.
    func fill(conversations names: [String], at date: Date = Date()) async throws {
        let conversations = WebhookConversations(try SQLiteDatabase.open(path: database))
        for name in names { try await conversations.say(["hello"] + SampleAnswers.complete, in: name, at: date) }
    }

    @Test func aBackupTakenWhileTurnsKeepCommittingRestoresToASoundDatabaseWithEverySessionCommittedBefore() async throws {
        let live = try SQLiteDatabase.open(path: database)
        let committed = CommittedConversations()
        let writer = keepConversing(WebhookConversations(live), reportingTo: committed)
        await committed.wait(for: 100)
        let before = await committed.names
        let backup = try db(["backup", folder.path("backup.sqlite")])
        await committed.wait(for: before.count + 20)
        writer.cancel()
        _ = await writer.result
        #expect(backup.status == 0, "\(backup.errors)")
        #expect(backup.output.contains("integrity ok"))

        let restoredPath = folder.path("restored.sqlite")
        let restore = try Program.run(["db", "restore", folder.path("backup.sqlite"), "--db", restoredPath], input: [])
        #expect(restore.status == 0, "\(restore.errors)")
        let check = try db(["check"], on: restoredPath)
        #expect(check.status == 0)
        #expect(check.output.contains("Integrity: ok"))
        #expect(check.output.contains("Write-ahead log: empty"), "nothing has the restored copy open")
        let restored = try SQLiteDatabase.open(path: restoredPath)
        for name in before {
            #expect(try restored.currentSession(ConversationKey(channel: "telegram", conversation: name)) != nil, "\(name)")
        }
    }

    @Test func backupRefusesToOverwriteAFileWithoutForce() async throws {
        try await fill(conversations: ["team-a"])
        let target = folder.path("backup.sqlite")
        #expect(try db(["backup", target]).status == 0)
        let again = try db(["backup", target])
        #expect(again.status == 1)
        #expect(again.errors.contains("\(target) already exists; pass --force to overwrite it."))
        #expect(try db(["backup", target, "--force"]).status == 0)
    }

    @Test func restoreRefusesADatabaseInUseAndOneThatHoldsDataWithoutForce() async throws {
        try await fill(conversations: ["team-a"])
        let backup = folder.path("backup.sqlite")
        #expect(try db(["backup", backup]).status == 0)
        let running = try SQLiteDatabase.open(path: database)
        let inUse = try withExtendedLifetime(running) { try db(["restore", backup, "--force"]) }
        #expect(inUse.status == 1)
        #expect(inUse.errors.contains("is in use by another process (is flowlinks serve running?)"))

        let other = folder.path("other.sqlite")
        try await WebhookConversations(try SQLiteDatabase.open(path: other)).say(["hello"], in: "someone", at: Date())
        let refused = try db(["restore", backup], on: other)
        #expect(refused.status == 1)
        #expect(refused.errors.contains("already holds data"))
        #expect(refused.errors.contains("pass --force to replace it"))
        let forced = try db(["restore", backup, "--force"], on: other)
        #expect(forced.status == 0, "\(forced.errors)")
        #expect(forced.output.contains("1 session, integrity ok"))
    }

    @Test func purgeRemovesOldSessionsAndKeepsRecentOnes() async throws {
        try await fill(conversations: ["old"], at: Date() - 200 * 86_400)
        try await fill(conversations: ["recent"], at: Date() - 86_400)
        let preview = try db(["purge", "--older-than", "90d", "--dry-run"])
        #expect(preview.status == 0)
        #expect(preview.output.contains("Would delete"))
        #expect(preview.output.contains("sessions          1"))
        #expect(try SQLiteDatabase.open(path: database).rowCounts()["sessions"] == 2)

        let purge = try db(["purge", "--older-than", "90d"])
        #expect(purge.status == 0)
        #expect(purge.output.contains("Deleted what was last active before"))
        let left = try SQLiteDatabase.open(path: database)
        #expect(try left.currentSession(ConversationKey(channel: "telegram", conversation: "old")) == nil)
        #expect(try left.currentSession(ConversationKey(channel: "telegram", conversation: "recent")) != nil)
    }

    @Test func purgeExplainsADurationItCannotRead() throws {
        let run = try db(["purge", "--older-than", "90"])
        #expect(run.status == 64)
        #expect(run.errors.contains("--older-than 90: expected a whole number and a unit, such as 36h, 90d, 12w, 6m or 1y"))
    }

    @Test func checkReportsASoundDatabaseAndPendingMigrations() async throws {
        try await fill(conversations: ["team-a"])
        let sound = try db(["check"])
        #expect(sound.status == 0)
        #expect(sound.output.contains("Integrity: ok"))
        #expect(sound.output.contains("Foreign keys: ok"))
        let known = SQLiteDatabase.migrator.migrations
        let last = try #require(known.last)
        #expect(sound.output.contains("Migrations: \(known.count) of \(known.count) applied, up to date"))

        try DatabaseDamage.unrecordMigrations(startingWith: String(last.prefix { $0 != ":" }), of: database)
        let pending = try db(["check"])
        #expect(pending.status == 0)
        #expect(
            pending.output.contains(
                "Migrations: \(known.count - 1) of \(known.count) applied; pending (flowlinks serve applies them when it starts):"
            ))
        #expect(pending.output.contains("  \(last)"))
    }

    @Test func checkDetectsADamagedFile() async throws {
        try await fill(conversations: (1...10).map { "team-\($0)" })
        try DatabaseDamage.overwritePage(3, of: database)
        let run = try db(["check"])
        #expect(run.status == 1)
        #expect(run.output.contains("Integrity: ") && !run.output.contains("Integrity: ok"))
        #expect(run.errors.contains("has problems; restore the latest good backup"))
    }

    @Test func commandsOnAMissingDatabaseSaySoAndCreateNothing() throws {
        for arguments in [["check"], ["backup", folder.path("b.sqlite")], ["purge", "--older-than", "1y"]] {
            let run = try db(arguments)
            #expect(run.status == 1)
            #expect(run.errors.contains("No database at \(database)."))
        }
        #expect(!FileManager.default.fileExists(atPath: database))
    }
}

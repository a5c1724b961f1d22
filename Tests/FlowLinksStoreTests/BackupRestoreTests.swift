import FlowLinksCore
import FlowLinksTesting
import Foundation
import GRDB
import Testing

@testable import FlowLinksStore

@Suite("Backup and restore of the database file")
struct BackupRestoreTests {
    let folder: TemporaryFolder

    var live: String { folder.database }

    init() throws { folder = try TemporaryFolder() }

    func sessionCount(_ path: String) throws -> Int {
        try DatabaseQueue(path: path).read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM sessions") ?? 0 }
    }

    @Test func aBackupTakenWhileTurnsKeepCommittingHoldsEverySessionCommittedBeforeItBegan() async throws {
        let database = try SQLiteDatabase.open(path: live)
        let conversations = WebhookConversations(database)
        let committed = CommittedConversations()
        let writer = keepConversing(conversations, reportingTo: committed)
        await committed.wait(for: 100)
        let before = await committed.names
        let backup = try DatabaseFile(path: live).backup(to: folder.path("backup.sqlite"), overwrite: false)
        await committed.wait(for: before.count + 20)
        writer.cancel()
        _ = await writer.result

        #expect(try DatabaseFile(path: backup.path).check().isHealthy)
        #expect(!FileManager.default.fileExists(atPath: backup.path + "-wal"), "the backup is one self-contained file")
        let restoredPath = folder.path("restored/flowlinks.sqlite")
        _ = try DatabaseFile(path: restoredPath).restore(from: DatabaseFile(path: backup.path), replacingData: false)
        let restored = try SQLiteDatabase.open(path: restoredPath)
        #expect(try restored.rowCounts()["sessions"] ?? 0 >= before.count)
        for name in before {
            let session = try #require(try restored.currentSession(ConversationKey(channel: "telegram", conversation: name)))
            let said = try restored.transcript(ofSession: session.id ?? 0).filter { $0.direction == .inbound }.map(\.text)
            #expect(said == ["hello", "Riverside \(name.dropFirst(5))"], "every turn of \(name) is in the backup")
        }
    }

    @Test func aBackupDoesNotOverwriteAFileUnlessForced() async throws {
        try await WebhookConversations(try SQLiteDatabase.open(path: live)).say(["hello"], in: "team-a", at: Date())
        let target = folder.path("backup.sqlite")
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: target))
        #expect(throws: MaintenanceError.alreadyExists(path: target)) {
            try DatabaseFile(path: live).backup(to: target, overwrite: false)
        }
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "keep me")
        let copy = try DatabaseFile(path: live).backup(to: target, overwrite: true)
        #expect(copy.sessions == 1)
    }

    @Test func restoreRefusesToReplaceADatabaseThatHoldsDataUnlessForced() async throws {
        try await WebhookConversations(try SQLiteDatabase.open(path: live)).say(["hello"], in: "team-a", at: Date())
        let backup = try DatabaseFile(path: live).backup(to: folder.path("backup.sqlite"), overwrite: false)
        let target = folder.path("other.sqlite")
        do {
            let other = WebhookConversations(try SQLiteDatabase.open(path: target))
            try await other.say(["hi"], in: "x", at: Date())
            try await other.say(["hi"], in: "y", at: Date())
        }
        #expect(throws: MaintenanceError.self) {
            try DatabaseFile(path: target).restore(from: DatabaseFile(path: backup.path), replacingData: false)
        }
        #expect(try sessionCount(target) == 2)
        let restored = try DatabaseFile(path: target).restore(from: DatabaseFile(path: backup.path), replacingData: true)
        #expect(restored.sessions == 1)
        #expect(try sessionCount(target) == 1)
    }

    @Test func restoreRefusesWhileAnotherConnectionHasTheDatabaseOpenEvenWithForce() async throws {
        let database = try SQLiteDatabase.open(path: live)
        try await WebhookConversations(database).say(["hello"], in: "team-a", at: Date())
        let backup = try DatabaseFile(path: live).backup(to: folder.path("backup.sqlite"), overwrite: false)
        #expect(DatabaseFile(path: live).isInUse())
        #expect(throws: MaintenanceError.inUse(path: live)) {
            try DatabaseFile(path: live).restore(from: DatabaseFile(path: backup.path), replacingData: true)
        }
        #expect(!DatabaseFile(path: backup.path).isInUse())
    }

    @Test func restoreOverADatabaseLeftByACrashHoldsOnlyTheBackup() async throws {
        try await WebhookConversations(try SQLiteDatabase.open(path: live)).say(["hello"], in: "team-a", at: Date())
        let backup = try DatabaseFile(path: live).backup(to: folder.path("backup.sqlite"), overwrite: false)
        // A database left by a crash: its latest commits are only in its -wal file.
        let crashed = folder.path("crashed.sqlite")
        do {
            let old = try SQLiteDatabase.open(path: folder.path("old.sqlite"))
            try await WebhookConversations(old).say(["one", "two", "three"], in: "old", at: Date())
            for suffix in ["", "-wal"] {
                try FileManager.default.copyItem(atPath: folder.path("old.sqlite") + suffix, toPath: crashed + suffix)
            }
        }
        #expect(FileManager.default.fileExists(atPath: crashed + "-wal"))
        _ = try DatabaseFile(path: crashed).restore(from: DatabaseFile(path: backup.path), replacingData: true)
        #expect(!FileManager.default.fileExists(atPath: crashed + "-wal"))
        let restored = try SQLiteDatabase.open(path: crashed)
        #expect(try restored.currentSession(ConversationKey(channel: "telegram", conversation: "team-a")) != nil)
        #expect(try restored.currentSession(ConversationKey(channel: "telegram", conversation: "old")) == nil)
        #expect(try DatabaseFile(path: crashed).check().integrityProblems.isEmpty)
    }

    @Test func restoreRefusesABackupThatIsNotAFlowLinksDatabase() throws {
        let stranger = folder.path("stranger.sqlite")
        try DatabaseQueue(path: stranger).write { try $0.execute(sql: "CREATE TABLE photos (id INTEGER PRIMARY KEY)") }
        #expect(throws: MaintenanceError.notFlowLinks(path: stranger)) {
            try DatabaseFile(path: live).restore(from: DatabaseFile(path: stranger), replacingData: false)
        }
        let text = folder.path("notes.txt")
        try Data(String(repeating: "not a database ", count: 100).utf8).write(to: URL(fileURLWithPath: text))
        #expect(throws: MaintenanceError.self) {
            try DatabaseFile(path: live).restore(from: DatabaseFile(path: text), replacingData: false)
        }
        #expect(!DatabaseFile(path: live).exists)
    }
}

import FlowLinksCore
import FlowLinksTesting
import Foundation
import GRDB
import Testing

@testable import FlowLinksStore

@Suite("Erasure leaves nothing of a person's words")
struct ErasureTests {
    let folder: TemporaryFolder
    /// Words only the person wrote; the bot's replies echo them into the outbox.
    let words = "Zebrafish Collective"

    var path: String { folder.database }

    init() throws { folder = try TemporaryFolder() }

    /// Rows of any table with `text` in any column.
    func rowsHolding(_ text: String, in database: SQLiteDatabase) async throws -> [String] {
        try await database.writer.read { db in
            var found: [String] = []
            for table in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'") {
                for column in try db.columns(in: table) {
                    let count =
                        try Int.fetchOne(
                            db,
                            sql:
                                "SELECT COUNT(*) FROM \(table.quotedDatabaseIdentifier) WHERE CAST(\(column.name.quotedDatabaseIdentifier) AS TEXT) LIKE ?",
                            arguments: ["%\(text)%"]) ?? 0
                    if count > 0 { found.append("\(table).\(column.name)") }
                }
            }
            return found
        }
    }

    @Test func foreignKeysAreEnforcedSoDeletingASessionCascades() async throws {
        let database = try SQLiteDatabase.open(path: path)
        #expect(try await database.writer.read { try Bool.fetchOne($0, sql: "PRAGMA foreign_keys") } == true)
    }

    @Test func deleteMyDataInTheChatRemovesEveryRowThatHeldThePersonsWords() async throws {
        let database = try SQLiteDatabase.open(path: path)
        let conversations = WebhookConversations(database)
        try await conversations.say(["hello", "Other Org"], in: "team-b", at: Date())
        try await conversations.say(["hello", words] + SampleAnswers.complete.dropFirst(), in: "team-a", at: Date())
        #expect(try await rowsHolding(words, in: database).contains("outbox.body"), "the result quotes the words")
        #expect(try await rowsHolding(words, in: database).contains("processed_events.replies"))
        try await conversations.say(["delete my data", "yes"], in: "team-a", at: Date())
        #expect(try await rowsHolding(words, in: database) == [])
        #expect(try await rowsHolding("Parent Cafe", in: database) == [])
        #expect(try await rowsHolding("Other Org", in: database).contains("answers.text"), "other conversations stay")
        let counts = try database.rowCounts()
        #expect(counts["sessions"] == 1)
        let orphans = try await database.writer.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM processed_events WHERE session_id IS NULL")
        }
        #expect(orphans == 1, "only the erasure turn's own record, which holds the confirmation and none of the words")
    }

    @Test func deleteMyDataAlsoErasesTheSessionsARestartLeftBehind() async throws {
        let database = try SQLiteDatabase.open(path: path)
        let conversations = WebhookConversations(database)
        try await conversations.say(["hello", words, "restart", "yes", "Second Try Org"], in: "team-a", at: Date())
        #expect(try database.rowCounts()["sessions"] == 2)
        try await conversations.say(["delete my data", "yes"], in: "team-a", at: Date())
        #expect(try database.rowCounts()["sessions"] == 0)
        #expect(try await rowsHolding(words, in: database) == [])
        #expect(try await rowsHolding("Second Try Org", in: database) == [])
    }

    @Test func deletingASessionFromTheCommandLineRemovesItsDedupeAndOutboxRows() async throws {
        let database = try SQLiteDatabase.open(path: path)
        let outcome = try #require(try await WebhookConversations(database).say(["hello", words], in: "team-a", at: Date()))
        _ = try await database.facilitators.addNote(
            toSession: try #require(outcome.sessionID), author: "kim", text: words, now: Date())
        #expect(try await database.review.deleteSession(id: try #require(outcome.sessionID)))
        #expect(try await rowsHolding(words, in: database) == [])
        #expect(try database.rowCounts().values.allSatisfy { $0 == 0 })
    }

    @Test func erasedWordsAreOverwrittenInTheFileNotLeftInFreePages() async throws {
        do {
            let database = try SQLiteDatabase.open(path: path)
            let conversations = WebhookConversations(database)
            try await conversations.say(["hello", "Other Org"], in: "team-b", at: Date())
            try await conversations.say(["hello", words, "Parent Cafe"], in: "team-a", at: Date())
            try await conversations.say(["delete my data", "yes"], in: "team-a", at: Date())
            _ = try await database.writer.writeWithoutTransaction { try $0.checkpoint(.truncate) }
        }
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(bytes.range(of: Data(words.utf8)) == nil)
        #expect(bytes.range(of: Data("Other Org".utf8)) != nil)
    }
}

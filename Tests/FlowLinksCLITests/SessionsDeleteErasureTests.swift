import FlowLinksStore
import FlowLinksTesting
import Foundation
import Testing

/// `flowlinks sessions delete` on a session that came in through a webhook, with dedupe and outbox rows.
@Suite("flowlinks sessions delete erases a webhook session's every row")
struct SessionsDeleteErasureTests {
    @Test func deleteRemovesTheDedupeRecordsAndQueuedRepliesToo() async throws {
        let folder = try TemporaryFolder()
        let id = try await {
            let database = try SQLiteDatabase.open(path: folder.database)
            let outcome = try await WebhookConversations(database).say(["hello"] + SampleAnswers.complete, in: "7", at: Date())
            return try #require(outcome?.sessionID)
        }()
        let before = try SQLiteDatabase.open(path: folder.database).rowCounts()
        #expect(before["processed_events"] ?? 0 > 0)
        #expect(before["outbox"] ?? 0 > 0)

        let run = try Program.run(["sessions", "delete", String(id), "--yes", "--db", folder.database], input: [])
        #expect(run.status == 0, "\(run.errors)")
        let after = try SQLiteDatabase.open(path: folder.database).rowCounts()
        #expect(after.values.allSatisfy { $0 == 0 }, "\(after)")
    }
}

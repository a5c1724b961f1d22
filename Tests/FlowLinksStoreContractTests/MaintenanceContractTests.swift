import FlowLinksCore
import FlowLinksStore
import FlowLinksTesting
import Foundation
import Testing

@Suite("Maintenance: row counts and the retention purge")
struct MaintenanceContractTests {
    let now = TestClock().now
    let day: TimeInterval = 86_400
    var cutoff: Date { now - 90 * day }

    /// A session last active at `updatedAt` with an answer, a transcript line, a result, a note, the
    /// dedupe record of its turn and a call of its own.
    func addFullSession(_ conversation: String, updatedAt: Date, in stores: BackendStores) async throws {
        let id = try await stores.tables.addSession(conversation, updatedAt: updatedAt)
        let at = TableValue.date(updatedAt)
        try await stores.tables.execute(
            "INSERT INTO answers (session_id, step_id, answered_at) VALUES (?, 'organization', ?)", [.integer(id), at])
        try await stores.tables.execute(
            "INSERT INTO transcript (session_id, direction, text, created_at) VALUES (?, 'in', 'hello', ?)",
            [.integer(id), at])
        try await stores.tables.execute(
            """
            INSERT INTO results (session_id, recommended_level, overall_level, result, content_version, created_at)
            VALUES (?, 2, 2, '{}', 'v1', ?)
            """, [.integer(id), at])
        try await addEvent(conversation, session: id, at: updatedAt, in: stores)
        _ = try await stores.facilitators.addNote(toSession: id, author: "kim", text: "call back", now: updatedAt)
        try await stores.outbox.enqueue(
            [PlatformCall(channel: "telegram", method: "sendMessage", body: [1])],
            for: ConversationKey(channel: "telegram", conversation: conversation), at: updatedAt)
        try await stores.tables.execute(
            "UPDATE outbox SET session_id = ? WHERE conversation = ?", [.integer(id), .text(conversation)])
    }

    func addEvent(_ conversation: String, session: Int64?, at date: Date, in stores: BackendStores) async throws {
        try await stores.tables.execute(
            """
            INSERT INTO processed_events (channel, conversation, event_id, session_id, replies, created_at)
            VALUES ('telegram', ?, ?, ?, '[]', ?)
            """, [.text(conversation), .text(UUID().uuidString), session.map { .integer($0) } ?? .null, .date(date)])
    }

    /// Calls of no session, queued 200 days ago: one sent, one failed, one still pending.
    func addOrphanCalls(in stores: BackendStores) async throws {
        let old = now - 200 * day
        let call = PlatformCall(channel: "telegram", method: "sendMessage", body: [2])
        for name in ["sent", "failed", "pending"] {
            try await stores.outbox.enqueue([call], for: ConversationKey(channel: "telegram", conversation: name), at: old)
        }
        let calls = try await stores.outbox.outboxCalls(withStatus: [.pending], limit: 10).calls
        let byName = Dictionary(uniqueKeysWithValues: calls.map { ($0.conversation, $0.id ?? 0) })
        try await stores.outbox.markDelivered(try #require(byName["sent"]), at: old)
        try await stores.outbox.markAttemptFailed(try #require(byName["failed"]), error: "gone", retryAt: nil)
    }

    @Test(arguments: StoreBackend.available)
    func rowCountsNameEveryTableOfConversationData(backend: StoreBackend) async throws {
        try await backend.withStores { stores in
            #expect(await stores.maintenance.isReachable())
            let empty = try await stores.maintenance.rowCounts()
            #expect(empty == ["sessions": 0, "answers": 0, "transcript": 0, "results": 0, "processed_events": 0, "outbox": 0])
            try await addFullSession("a", updatedAt: now, in: stores)
            try await addEvent("b", session: nil, at: now, in: stores)
            let counts = try await stores.maintenance.rowCounts()
            #expect(counts == ["sessions": 1, "answers": 1, "transcript": 1, "results": 1, "processed_events": 2, "outbox": 1])
        }
    }

    @Test(arguments: StoreBackend.available)
    func purgeDeletesOldSessionsWholeAndOldFinishedOrphansAndKeepsTheRest(backend: StoreBackend) async throws {
        try await backend.withStores { stores in
            try await addFullSession("old", updatedAt: now - 200 * day, in: stores)
            try await addFullSession("recent", updatedAt: now - day, in: stores)
            try await addEvent("gone", session: nil, at: now - 200 * day, in: stores)
            try await addEvent("new", session: nil, at: now - day, in: stores)
            try await addOrphanCalls(in: stores)

            let counts = try await stores.maintenance.purge(before: cutoff, dryRun: false)
            var expected = PurgeCounts()
            expected.sessions = 1
            expected.answers = 1
            expected.transcriptLines = 1
            expected.results = 1
            expected.facilitatorNotes = 1
            expected.processedEvents = 2
            expected.outboxCalls = 3
            #expect(counts == expected)
            let rows = try await stores.maintenance.rowCounts()
            #expect(rows == ["sessions": 1, "answers": 1, "transcript": 1, "results": 1, "processed_events": 2, "outbox": 2])
            let pending = try await stores.outbox.outboxCalls(withStatus: [.pending], limit: 10).calls
            #expect(Set(pending.map(\.conversation)) == ["recent", "pending"], "a call still to be made is kept")
            #expect(try await stores.maintenance.purge(before: cutoff, dryRun: false) == PurgeCounts())
        }
    }

    @Test(arguments: StoreBackend.available)
    func aDryRunCountsWhatAPurgeDeletesAndDeletesNothing(backend: StoreBackend) async throws {
        try await backend.withStores { stores in
            try await addFullSession("old", updatedAt: now - 200 * day, in: stores)
            try await addFullSession("recent", updatedAt: now - day, in: stores)
            try await addOrphanCalls(in: stores)
            let before = try await stores.maintenance.rowCounts()
            let preview = try await stores.maintenance.purge(before: cutoff, dryRun: true)
            #expect(try await stores.maintenance.rowCounts() == before)
            #expect(preview.sessions == 1)
            #expect(try await stores.maintenance.purge(before: cutoff, dryRun: false) == preview)
            #expect(try await stores.maintenance.purge(before: cutoff, dryRun: true) == PurgeCounts())
        }
    }

    @Test(arguments: StoreBackend.available)
    func aPurgeInBatchesDeletesEveryOldSessionAndCountsThemAll(backend: StoreBackend) async throws {
        try await backend.withStores { stores in
            for number in 0..<5 { try await addFullSession("old-\(number)", updatedAt: now - 100 * day, in: stores) }
            try await addFullSession("recent", updatedAt: now, in: stores)
            let counts = try await stores.maintenance.purge(before: cutoff, dryRun: false, batchSize: 2)
            #expect(counts.sessions == 5)
            #expect(counts.answers == 5)
            #expect(counts.outboxCalls == 5)
            #expect(try await stores.maintenance.rowCounts()["sessions"] == 1)
        }
    }
}

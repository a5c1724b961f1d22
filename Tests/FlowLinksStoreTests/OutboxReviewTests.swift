import FlowLinksTesting
import Foundation
import Testing

@testable import FlowLinksStore

@Suite("The outbox as an operator sees it: list and retry")
struct OutboxReviewTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    /// Three calls of one conversation: the first sent, the second failed, the third pending.
    func database() async throws -> SQLiteDatabase {
        let database = try SQLiteDatabase.inMemory()
        try await WebhookConversations(database).say(["hello", "Riverside"], in: "team-a", at: now)
        let calls = try await database.outbox.outboxCalls(withStatus: [.pending], limit: 100).calls.sorted {
            $0.id ?? 0 < $1.id ?? 0
        }
        try await database.outbox.markDelivered(calls[0].id ?? 0, at: now)
        try await database.outbox.markAttemptFailed(calls[1].id ?? 0, error: "HTTP 403: bot was blocked", retryAt: nil)
        return database
    }

    @Test func listShowsTheCallsOfTheChosenStatusesNewestFirst() async throws {
        let database = try await database()
        let failed = try await database.outbox.outboxCalls(withStatus: [.failed], limit: 100)
        #expect(failed.total == 1)
        #expect(failed.calls.first?.lastError == "HTTP 403: bot was blocked")
        let all = try await database.outbox.outboxCalls(withStatus: [.failed, .pending, .sent], limit: 2)
        #expect(all.calls.count == 2)
        #expect(all.total > 2)
        #expect(all.calls.map { $0.id ?? 0 } == all.calls.map { $0.id ?? 0 }.sorted(by: >))
    }

    @Test func retryingAFailedCallMakesItPendingAndDueWithAFreshCountOfAttempts() async throws {
        let database = try await database()
        let failed = try #require(try await database.outbox.failedDeliveries().first?.id)
        let later = now + 3600
        let outcome = try await database.outbox.requeueFailedDeliveries(ids: [failed, failed], at: later)
        #expect(outcome.requeued == [failed])
        let call = try #require(try await database.outbox.outboxRecord(id: failed))
        #expect(call.status == .pending)
        #expect(call.attempts == 0)
        #expect(call.nextAttemptAt == later)
        #expect(try await database.outbox.claimDueDeliveries(at: later, lease: 60, limit: 50).contains { $0.id == failed })
    }

    @Test func retryingAnUnknownOrUnfailedCallRequeuesNothing() async throws {
        let database = try await database()
        let failed = try #require(try await database.outbox.failedDeliveries().first?.id)
        let sent = try #require(try await database.outbox.outboxCalls(withStatus: [.sent], limit: 1).calls.first?.id)
        let outcome = try await database.outbox.requeueFailedDeliveries(ids: [failed, sent, 999], at: now)
        #expect(outcome.isRefused)
        #expect(outcome.requeued == [])
        #expect(outcome.unknown == [999])
        #expect(outcome.notFailed == [sent: .sent])
        #expect(try await database.outbox.outboxRecord(id: failed)?.status == .failed)
    }
}

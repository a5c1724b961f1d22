import FlowLinksCore
import FlowLinksTesting
import Foundation
import GRDB
import Testing

@testable import FlowLinksStore

@Suite("Retention: purging what is older than a period")
struct RetentionTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    let day: TimeInterval = 86_400

    @Test func periodsAreReadAsAnOperatorTypesThem() {
        #expect(RetentionPeriod("90d") == RetentionPeriod("90d"))
        for (text, amount, unit) in [
            ("36h", 36, RetentionPeriod.Unit.hours), ("90d", 90, .days), ("12w", 12, .weeks), ("6m", 6, .months),
            ("1y", 1, .years),
        ] {
            let period = RetentionPeriod(text)
            #expect(period?.amount == amount)
            #expect(period?.unit == unit)
            #expect(period?.description == text)
        }
        for bad in ["", "90", "d", "0d", "-1y", "1.5w", "90 d", "90D", "12x", "+3d", "١٢d", "99999999999d"] {
            #expect(RetentionPeriod(bad) == nil, "\(bad) is refused")
        }
    }

    @Test func aPeriodEndsThatLongBeforeNowInCalendarTerms() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        let now = try #require(calendar.date(from: DateComponents(year: 2026, month: 8, day: 31, hour: 12)))
        func cutoff(_ text: String) throws -> DateComponents {
            let date = try #require(RetentionPeriod(text)).cutoff(before: now, calendar: calendar)
            return calendar.dateComponents([.year, .month, .day, .hour], from: date)
        }
        #expect(try cutoff("36h") == DateComponents(year: 2026, month: 8, day: 30, hour: 0))
        #expect(try cutoff("2w") == DateComponents(year: 2026, month: 8, day: 17, hour: 12))
        #expect(try cutoff("6m") == DateComponents(year: 2026, month: 2, day: 28, hour: 12))
        #expect(try cutoff("1y") == DateComponents(year: 2025, month: 8, day: 31, hour: 12))
    }

    /// An old finished session with a note, an old erasure, a recent session, and a pending reply of the old erasure.
    func filledDatabase() async throws -> SQLiteDatabase {
        let database = try SQLiteDatabase.inMemory()
        let conversations = WebhookConversations(database)
        let old = now - 200 * day
        let finished = try #require(try await conversations.say(["hello"] + SampleAnswers.complete, in: "old", at: old))
        _ = try await database.facilitators.addNote(
            toSession: try #require(finished.sessionID), author: "kim", text: "call back", now: old)
        try await conversations.say(["hello", "Erased Org", "delete my data", "yes"], in: "erased", at: old)
        try await conversations.say(["hello", "Recent Org"], in: "recent", at: now - day)
        return database
    }

    @Test func purgeDeletesOldSessionsWithAllTheirRowsAndKeepsRecentOnes() async throws {
        let database = try await filledDatabase()
        let counts = try await database.maintenance.purge(before: now - 90 * day, dryRun: false)
        #expect(counts.sessions == 1)
        #expect(counts.results == 1)
        #expect(counts.facilitatorNotes == 1)
        #expect(counts.answers == SampleAnswers.complete.count)
        let rows = try database.rowCounts()
        #expect(rows["sessions"] == 1)
        #expect(rows["answers"] == 1)
        #expect(rows["results"] == 0)
        #expect(rows["processed_events"] == 2, "only the recent session's two turns")
        let recent = try #require(try database.currentSession(ConversationKey(channel: "telegram", conversation: "recent")))
        #expect(try database.transcript(ofSession: recent.id ?? 0).contains { $0.text == "Recent Org" })
        let calls = try await database.outbox.outboxCalls(withStatus: [.pending], limit: 100).calls
        #expect(calls.filter { $0.sessionId != nil }.allSatisfy { $0.sessionId == recent.id })
    }

    @Test func purgeKeepsAReplyThatIsStillToBeDelivered() async throws {
        let database = try await filledDatabase()
        let erasureReply = try #require(
            try await database.outbox.outboxCalls(withStatus: [.pending], limit: 100).calls.first { $0.sessionId == nil })
        _ = try await database.maintenance.purge(before: now - 90 * day, dryRun: false)
        #expect(try await database.outbox.outboxRecord(id: erasureReply.id ?? 0) != nil)
        try await database.outbox.markDelivered(erasureReply.id ?? 0, at: now - 199 * day)
        let counts = try await database.maintenance.purge(before: now - 90 * day, dryRun: false)
        #expect(counts.outboxCalls == 1)
        #expect(try await database.outbox.outboxRecord(id: erasureReply.id ?? 0) == nil)
    }

    @Test func aPurgeInBatchesDeletesEveryOldSessionAndCountsThemAll() async throws {
        let database = try await filledDatabase()
        let conversations = WebhookConversations(database)
        for name in ["old-2", "old-3", "old-4"] { try await conversations.say(["hello"], in: name, at: now - 100 * day) }
        let counts = try await database.maintenance.purge(before: now - 90 * day, dryRun: false, batchSize: 2)
        #expect(counts.sessions == 4)
        #expect(try database.rowCounts()["sessions"] == 1)
    }

    @Test func aDryRunCountsWhatAPurgeDeletesAndDeletesNothing() async throws {
        let database = try await filledDatabase()
        let before = try database.rowCounts()
        let preview = try await database.maintenance.purge(before: now - 90 * day, dryRun: true)
        #expect(try database.rowCounts() == before)
        let done = try await database.maintenance.purge(before: now - 90 * day, dryRun: false)
        #expect(preview == done)
        #expect(preview.processedEvents > 0)
        #expect(try await database.maintenance.purge(before: now - 90 * day, dryRun: true) == PurgeCounts())
    }
}

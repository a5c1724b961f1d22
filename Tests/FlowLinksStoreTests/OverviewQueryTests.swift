import FlowLinksCore
import FlowLinksStore
import FlowLinksTesting
import Foundation
import Testing

@Suite("The overview over all initiatives")
struct OverviewQueryTests {
    @Test func initiativesAreGroupedByNameAndPlacedByTheirLatestSession() async throws {
        let database = try SQLiteDatabase.inMemory()
        let start = TestClock().now
        var later = SampleAnswers.complete
        later[0] = " RIVERSIDE family services"
        later[5] = "4"
        var other = SampleAnswers.complete
        other[1] = "Homework Club"
        let first = try await SessionReviewTests.converse(
            in: database, "repl", "a", at: start, ["hello"] + SampleAnswers.complete)
        let second = try await SessionReviewTests.converse(
            in: database, "telegram", "b", at: start + 86_400, ["hello"] + later)
        _ = try await SessionReviewTests.converse(in: database, "repl", "c", at: start + 3_600, ["hello"] + other)
        _ = try await SessionReviewTests.converse(in: database, "repl", "d", at: start, ["hello", "Unfinished"])

        let overview = try await database.review.overview()

        #expect(overview.initiatives.map(\.initiative) == ["Homework Club", "Parent Cafe"])
        let cafe = try #require(overview.initiatives.last)
        #expect(cafe.organization == "RIVERSIDE family services")
        #expect(cafe.sessions.map(\.id) == [first, second])
        #expect(cafe.sessions.map(\.recommended) == [.involving, .involving])
        #expect(overview.count(.communication, in: LevelSpan(.informing)) == 1)
        #expect(overview.count(.communication, in: LevelSpan(.involving)) == 1)
        #expect(overview.count(.resources, in: LevelSpan(.independent, .consulting)) == 2, "the shared cell, once")
        #expect(overview.count(.resources, in: LevelSpan(.consulting)) == 0)
        #expect(overview.count(.decisions, in: LevelSpan(.consulting)) == 2)
        #expect(overview.recommended == [.involving: 2])
    }
}

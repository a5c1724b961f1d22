import FlowLinksCore
import FlowLinksStore
import FlowLinksTesting
import Foundation
import Testing

@Suite("Reviewing sessions: filters, search and pages")
struct SessionReviewTests {
    static let day: TimeInterval = 86_400
    static let engine = Engine(script: DefaultPrompts.script)
    let start = TestClock().now
    let database: SQLiteDatabase
    /// The sessions by name, in the order they were started (one a day, two on the last day).
    let ids: [String: Int64]

    init() async throws {
        let database = try SQLiteDatabase.inMemory()
        let start = self.start
        func converse(
            _ channel: String, _ conversation: String, day: Int, _ texts: [String], after offset: TimeInterval = 0
        ) async throws -> Int64 {
            try await Self.converse(in: database, channel, conversation, at: start + Double(day) * Self.day + offset, texts)
        }
        var ids: [String: Int64] = [:]
        let complete = Array(SampleAnswers.complete.dropFirst(2))
        var lowerGoal = SampleAnswers.complete
        lowerGoal[8] = "3"  // why: a lower desired level, for a second recommended level.
        ids["riverside"] = try await converse("repl", "a", day: 0, ["hello"] + SampleAnswers.complete)
        ids["library"] = try await converse("telegram", "b", day: 1, ["hello", "Hillcrest Library", "Story Time"] + complete)
        ids["mural"] = try await converse("repl", "c", day: 2, ["hello", "Riverside Arts", "Mural 100% Project"])
        ids["clinic"] = try await converse(
            "telegram", "d", day: 3, ["hello", "Old Name Coop", "back", "Oak_Tree Clinic", "Health Fair"])
        ids["cafe"] = try await converse(
            "mattermost", "e", day: 4, ["hello", "Café Móvil", "Food Bank Partners"] + lowerGoal.dropFirst(2))
        ids["youth"] = try await converse("repl", "f", day: 5, ["hello", "Sunset Youth", "restart"])
        ids["fresh"] = try await converse("repl", "f", day: 5, ["yes"], after: 3_600)
        self.database = database
        self.ids = ids
    }

    /// Sends replies in one conversation a minute apart from `start`; returns the session's id.
    static func converse(
        in database: SQLiteDatabase, _ channel: String, _ conversation: String, at start: Date, _ texts: [String]
    ) async throws -> Int64 {
        let clock = TestClock(start: start)
        var outcome: TurnOutcome?
        let key = ConversationKey(channel: channel, conversation: conversation)
        for text in texts {
            clock.advance(60)
            outcome = try await database.conversations.converse(
                InboundMessage(key: key, text: text), engine: Self.engine, now: clock.now)
        }
        return try #require(outcome?.sessionID)
    }

    func names(_ filter: SessionFilter) async throws -> [String] {
        let byID = Dictionary(uniqueKeysWithValues: ids.map { ($1, $0) })
        return try await database.review.sessions(matching: filter).sessions.map { byID[$0.id] ?? "\($0.id)" }
    }

    @Test func everySessionIsListedNewestFirstWithItsSummary() async throws {
        let page = try await database.review.sessions(matching: SessionFilter())
        #expect(page.total == 7)
        #expect(try await names(SessionFilter()) == ["fresh", "youth", "cafe", "clinic", "mural", "library", "riverside"])
        let riverside = try #require(page.sessions.last)
        #expect(riverside.channel == "repl")
        #expect(riverside.conversation == "a")
        #expect(riverside.status == .completed)
        #expect(riverside.organization == "Riverside Family Services")
        #expect(riverside.initiative == "Parent Cafe")
        #expect(riverside.recommendedLevel == EngagementLevel.involving.rawValue)
        #expect(riverside.contentVersion == DefaultPrompts.script.version)
        #expect(riverside.createdAt == start + 60)
        #expect(page.sessions.first?.organization == nil)
        #expect(page.sessions.first?.recommendedLevel == nil)
    }

    @Test func statusFilterReturnsOnlySessionsInThatState() async throws {
        #expect(try await names(SessionFilter(status: .completed)) == ["cafe", "library", "riverside"])
        #expect(try await names(SessionFilter(status: .active)) == ["fresh", "clinic", "mural"])
        #expect(try await names(SessionFilter(status: .abandoned)) == ["youth"])
        #expect(try await names(SessionFilter(status: .paused)) == [])
    }

    @Test func channelFilterMatchesTheChannelExactly() async throws {
        #expect(try await names(SessionFilter(channel: "telegram")) == ["clinic", "library"])
        #expect(try await names(SessionFilter(channel: "tele")) == [])
    }

    @Test func organizationAndInitiativeMatchAnyPartInAnyCase() async throws {
        #expect(try await names(SessionFilter(organization: "RIVERSIDE")) == ["mural", "riverside"])
        #expect(try await names(SessionFilter(organization: "CAFÉ MÓV")) == ["cafe"])
        #expect(try await names(SessionFilter(initiative: "fair")) == ["clinic"])
        #expect(try await names(SessionFilter(organization: "riverside", initiative: "cafe")) == ["riverside"])
    }

    @Test func organizationMatchesOnlyTheCurrentAnswerNotAReplacedOne() async throws {
        #expect(try await names(SessionFilter(organization: "Old Name")) == [])
        #expect(try await names(SessionFilter(organization: "oak_tree")) == ["clinic"])
    }

    @Test func recommendedLevelFilterReturnsFinishedSessionsAtThatLevel() async throws {
        let involving = EngagementLevel.involving.rawValue
        #expect(try await names(SessionFilter(recommendedLevel: involving)) == ["library", "riverside"])
        let cafeLevel = try #require(try database.result(ofSession: ids["cafe"] ?? -1)?.recommendedLevel)
        #expect(cafeLevel != involving)
        #expect(try await names(SessionFilter(recommendedLevel: cafeLevel)) == ["cafe"])
    }

    @Test func dateRangeIncludesItsStartAndExcludesItsEnd() async throws {
        let range = SessionFilter(from: start + 2 * Self.day, to: start + 4 * Self.day)
        #expect(try await names(range) == ["clinic", "mural"])
        #expect(try await names(SessionFilter(from: start + 5 * Self.day)) == ["fresh", "youth"])
        #expect(try await names(SessionFilter(to: start + Self.day)) == ["riverside"])
    }

    @Test func searchFindsTextInCurrentAnswers() async throws {
        #expect(try await names(SessionFilter(search: "WANT TO WORK TOGETHER")) == ["cafe", "library", "riverside"])
        #expect(try await names(SessionFilter(search: "story time")) == ["library"])
    }

    @Test func searchFindsTextOnlyInTheTranscript() async throws {
        // "Old Name Coop" was replaced as an answer, but it was said.
        #expect(try await names(SessionFilter(search: "old name coop")) == ["clinic"])
        #expect(try await names(SessionFilter(search: "sunset youth")) == ["youth"])
        #expect(try await names(SessionFilter(search: "no one said this")) == [])
        #expect(try await names(SessionFilter(search: "I'm FlowLinks")) == [], "the bot's own words match no session")
    }

    @Test func likeWildcardsInUserTextMatchLiterally() async throws {
        #expect(try await names(SessionFilter(search: "%")) == ["mural"])
        #expect(try await names(SessionFilter(search: "_")) == ["clinic"])
        #expect(try await names(SessionFilter(search: "100%")) == ["mural"])
        #expect(try await names(SessionFilter(organization: "k_t")) == ["clinic"])
        #expect(try await names(SessionFilter(organization: "%")) == [])
        #expect(try await names(SessionFilter(search: "\\")) == [])
        #expect(try await names(SessionFilter(search: "'; DROP TABLE sessions; --")) == [])
        #expect(try await database.review.sessions(matching: SessionFilter()).total == 7)
    }

    @Test func pagesSplitTheMatchesAndCountThemAll() async throws {
        let first = try await database.review.sessions(matching: SessionFilter(pageSize: 3))
        #expect(first.total == 7)
        #expect(first.pageCount == 3)
        #expect(first.positions == 1...3)
        #expect(try await names(SessionFilter(pageSize: 3)) == ["fresh", "youth", "cafe"])
        #expect(try await names(SessionFilter(page: 2, pageSize: 3)) == ["clinic", "mural", "library"])
        let last = try await database.review.sessions(matching: SessionFilter(page: 3, pageSize: 3))
        #expect(last.positions == 7...7)
        #expect(try await names(SessionFilter(page: 3, pageSize: 3)) == ["riverside"])
        let beyond = try await database.review.sessions(matching: SessionFilter(page: 4, pageSize: 3))
        #expect(beyond.sessions.isEmpty)
        #expect(beyond.total == 7)
        #expect(beyond.positions == nil)
    }

    @Test func theTotalCountsFilteredMatchesNotThePage() async throws {
        let page = try await database.review.sessions(matching: SessionFilter(status: .completed, page: 2, pageSize: 2))
        #expect(page.total == 3)
        #expect(page.sessions.map(\.id) == [ids["riverside"]])
    }
}

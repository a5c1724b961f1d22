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
    let database: AppDatabase
    /// The sessions by name, in the order they were started (one a day, two on the last day).
    let ids: [String: Int64]

    init() throws {
        let database = try AppDatabase.inMemory()
        let start = self.start
        func converse(
            _ channel: String, _ conversation: String, day: Int, _ texts: [String], after offset: TimeInterval = 0
        ) throws -> Int64 {
            try Self.converse(in: database, channel, conversation, at: start + Double(day) * Self.day + offset, texts)
        }
        var ids: [String: Int64] = [:]
        let complete = Array(SampleAnswers.complete.dropFirst(2))
        var lowerGoal = SampleAnswers.complete
        lowerGoal[8] = "3"  // why: a lower desired level, for a second recommended level.
        ids["riverside"] = try converse("repl", "a", day: 0, ["hello"] + SampleAnswers.complete)
        ids["library"] = try converse("telegram", "b", day: 1, ["hello", "Hillcrest Library", "Story Time"] + complete)
        ids["mural"] = try converse("repl", "c", day: 2, ["hello", "Riverside Arts", "Mural 100% Project"])
        ids["clinic"] = try converse(
            "telegram", "d", day: 3, ["hello", "Old Name Coop", "back", "Oak_Tree Clinic", "Health Fair"])
        ids["cafe"] = try converse(
            "mattermost", "e", day: 4, ["hello", "Café Móvil", "Food Bank Partners"] + lowerGoal.dropFirst(2))
        ids["youth"] = try converse("repl", "f", day: 5, ["hello", "Sunset Youth", "restart"])
        ids["fresh"] = try converse("repl", "f", day: 5, ["yes"], after: 3_600)
        self.database = database
        self.ids = ids
    }

    /// Sends replies in one conversation a minute apart from `start`; returns the session's id.
    static func converse(
        in database: AppDatabase, _ channel: String, _ conversation: String, at start: Date, _ texts: [String]
    ) throws -> Int64 {
        var clock = TestClock(start: start)
        var outcome: TurnOutcome?
        let key = ConversationKey(channel: channel, conversation: conversation)
        for text in texts {
            clock.advance(60)
            outcome = try database.converse(InboundMessage(key: key, text: text), engine: Self.engine, now: clock.now)
        }
        return try #require(outcome?.sessionID)
    }

    func names(_ filter: SessionFilter) throws -> [String] {
        let byID = Dictionary(uniqueKeysWithValues: ids.map { ($1, $0) })
        return try database.sessions(matching: filter).sessions.map { byID[$0.id] ?? "\($0.id)" }
    }

    @Test func everySessionIsListedNewestFirstWithItsSummary() throws {
        let page = try database.sessions(matching: SessionFilter())
        #expect(page.total == 7)
        #expect(try names(SessionFilter()) == ["fresh", "youth", "cafe", "clinic", "mural", "library", "riverside"])
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

    @Test func statusFilterReturnsOnlySessionsInThatState() throws {
        #expect(try names(SessionFilter(status: .completed)) == ["cafe", "library", "riverside"])
        #expect(try names(SessionFilter(status: .active)) == ["fresh", "clinic", "mural"])
        #expect(try names(SessionFilter(status: .abandoned)) == ["youth"])
        #expect(try names(SessionFilter(status: .paused)) == [])
    }

    @Test func channelFilterMatchesTheChannelExactly() throws {
        #expect(try names(SessionFilter(channel: "telegram")) == ["clinic", "library"])
        #expect(try names(SessionFilter(channel: "tele")) == [])
    }

    @Test func organizationAndInitiativeMatchAnyPartInAnyCase() throws {
        #expect(try names(SessionFilter(organization: "RIVERSIDE")) == ["mural", "riverside"])
        #expect(try names(SessionFilter(organization: "CAFÉ MÓV")) == ["cafe"])
        #expect(try names(SessionFilter(initiative: "fair")) == ["clinic"])
        #expect(try names(SessionFilter(organization: "riverside", initiative: "cafe")) == ["riverside"])
    }

    @Test func organizationMatchesOnlyTheCurrentAnswerNotAReplacedOne() throws {
        #expect(try names(SessionFilter(organization: "Old Name")) == [])
        #expect(try names(SessionFilter(organization: "oak_tree")) == ["clinic"])
    }

    @Test func recommendedLevelFilterReturnsFinishedSessionsAtThatLevel() throws {
        let involving = EngagementLevel.involving.rawValue
        #expect(try names(SessionFilter(recommendedLevel: involving)) == ["library", "riverside"])
        let cafeLevel = try #require(try database.result(ofSession: ids["cafe"] ?? -1)?.recommendedLevel)
        #expect(cafeLevel != involving)
        #expect(try names(SessionFilter(recommendedLevel: cafeLevel)) == ["cafe"])
    }

    @Test func dateRangeIncludesItsStartAndExcludesItsEnd() throws {
        let range = SessionFilter(from: start + 2 * Self.day, to: start + 4 * Self.day)
        #expect(try names(range) == ["clinic", "mural"])
        #expect(try names(SessionFilter(from: start + 5 * Self.day)) == ["fresh", "youth"])
        #expect(try names(SessionFilter(to: start + Self.day)) == ["riverside"])
    }

    @Test func searchFindsTextInCurrentAnswers() throws {
        #expect(try names(SessionFilter(search: "WANT TO WORK TOGETHER")) == ["cafe", "library", "riverside"])
        #expect(try names(SessionFilter(search: "story time")) == ["library"])
    }

    @Test func searchFindsTextOnlyInTheTranscript() throws {
        // "Old Name Coop" was replaced as an answer, but it was said.
        #expect(try names(SessionFilter(search: "old name coop")) == ["clinic"])
        #expect(try names(SessionFilter(search: "sunset youth")) == ["youth"])
        #expect(try names(SessionFilter(search: "no one said this")) == [])
        #expect(try names(SessionFilter(search: "I'm FlowLinks")) == [], "the bot's own words match no session")
    }

    @Test func likeWildcardsInUserTextMatchLiterally() throws {
        #expect(try names(SessionFilter(search: "%")) == ["mural"])
        #expect(try names(SessionFilter(search: "_")) == ["clinic"])
        #expect(try names(SessionFilter(search: "100%")) == ["mural"])
        #expect(try names(SessionFilter(organization: "k_t")) == ["clinic"])
        #expect(try names(SessionFilter(organization: "%")) == [])
        #expect(try names(SessionFilter(search: "\\")) == [])
        #expect(try names(SessionFilter(search: "'; DROP TABLE sessions; --")) == [])
        #expect(try database.sessions(matching: SessionFilter()).total == 7)
    }

    @Test func pagesSplitTheMatchesAndCountThemAll() throws {
        let first = try database.sessions(matching: SessionFilter(pageSize: 3))
        #expect(first.total == 7)
        #expect(first.pageCount == 3)
        #expect(first.positions == 1...3)
        #expect(try names(SessionFilter(pageSize: 3)) == ["fresh", "youth", "cafe"])
        #expect(try names(SessionFilter(page: 2, pageSize: 3)) == ["clinic", "mural", "library"])
        let last = try database.sessions(matching: SessionFilter(page: 3, pageSize: 3))
        #expect(last.positions == 7...7)
        #expect(try names(SessionFilter(page: 3, pageSize: 3)) == ["riverside"])
        let beyond = try database.sessions(matching: SessionFilter(page: 4, pageSize: 3))
        #expect(beyond.sessions.isEmpty)
        #expect(beyond.total == 7)
        #expect(beyond.positions == nil)
    }

    @Test func theTotalCountsFilteredMatchesNotThePage() throws {
        let page = try database.sessions(matching: SessionFilter(status: .completed, page: 2, pageSize: 2))
        #expect(page.total == 3)
        #expect(page.sessions.map(\.id) == [ids["riverside"]])
    }
}

import FlowLinksCore
import FlowLinksStore
import FlowLinksTesting
import Foundation
import Testing

@Suite("Review: the sessions list, reports, overview and erasing answer the same on every backend")
struct ReviewContractTests {
    typealias Fixture = ReviewFixture

    func list(_ stores: BackendStores, _ filter: SessionFilter) async throws -> [String] {
        Fixture.conversations(try await stores.review.sessions(matching: filter))
    }

    @Test(arguments: StoreBackend.available)
    func everyFilterNarrowsTheListNewestFirst(backend: StoreBackend) async throws {
        try await backend.withStores { stores in
            _ = try await Fixture(seeding: stores.seeding)
            let all = try await stores.review.sessions(matching: SessionFilter())
            #expect(Fixture.conversations(all) == ["f", "e", "d", "c", "b", "a"], "same start: the later id first")
            #expect(all.total == 6)
            #expect(try await list(stores, SessionFilter(status: .completed)) == ["e", "d", "a"])
            #expect(try await list(stores, SessionFilter(channel: "telegram")) == ["f", "d", "c", "a"])
            #expect(try await list(stores, SessionFilter(channel: "tele\u{0}gram")).isEmpty)
            #expect(try await list(stores, SessionFilter(recommendedLevel: 4)) == ["d"])
            #expect(try await list(stores, SessionFilter(from: Fixture.hours(4))) == ["f", "e", "d"])
            #expect(try await list(stores, SessionFilter(to: Fixture.hours(4))) == ["c", "b", "a"])
            #expect(try await list(stores, SessionFilter(from: Fixture.hours(2), to: Fixture.hours(5))) == ["d", "c", "b"])
            #expect(try await list(stores, SessionFilter(status: .completed, channel: "telegram")) == ["d", "a"])
            let summary = try #require(all.sessions.first { $0.conversation == "a" })
            #expect(summary.organization == "Café Ünïon")
            #expect(summary.initiative == "Parent 50% Club")
            #expect(summary.recommendedLevel == 3)
            #expect(summary.createdAt == Fixture.hours(1))
            #expect(summary.updatedAt == Fixture.hours(1.5))
            #expect(all.sessions.first { $0.conversation == "b" }?.language == "es")
        }
    }

    @Test(arguments: StoreBackend.available)
    func namesMatchInAnyCaseAndWildcardsLiterally(backend: StoreBackend) async throws {
        try await backend.withStores { stores in
            _ = try await Fixture(seeding: stores.seeding)
            #expect(try await list(stores, SessionFilter(organization: "CAFÉ")) == ["a"])
            #expect(try await list(stores, SessionFilter(organization: "ünï")) == ["a"])
            #expect(try await list(stores, SessionFilter(organization: "RIVERSIDE")) == ["e", "d", "b"])
            #expect(try await list(stores, SessionFilter(organization: "old name")).isEmpty, "a replaced answer")
            #expect(try await list(stores, SessionFilter(initiative: "%")) == ["a"])
            #expect(try await list(stores, SessionFilter(initiative: "_")) == ["f"])
            #expect(try await list(stores, SessionFilter(initiative: "t\\h")).isEmpty)
            #expect(try await list(stores, SessionFilter(organization: "riverside", initiative: "CAFE")) == ["e", "d", "b"])
        }
    }

    @Test(arguments: StoreBackend.available)
    func searchFindsCurrentAnswersAndWhatPeopleWrote(backend: StoreBackend) async throws {
        try await backend.withStores { stores in
            _ = try await Fixture(seeding: stores.seeding)
            #expect(try await list(stores, SessionFilter(search: "DROP_IN")) == ["d"], "not dropXin, not the bot's line")
            #expect(try await list(stores, SessionFilter(search: "100%")) == ["a"])
            #expect(try await list(stores, SessionFilter(search: "%")) == ["a"])
            #expect(try await list(stores, SessionFilter(search: "bot said")).isEmpty)
            #expect(try await list(stores, SessionFilter(search: "café")) == ["a"])
            #expect(try await list(stores, SessionFilter(search: "Old Name")).isEmpty)
            #expect(try await list(stores, SessionFilter(channel: "slack", search: "weekly")) == ["b"])
        }
    }

    @Test(arguments: StoreBackend.available)
    func pagesAreClampedAndCountAllMatches(backend: StoreBackend) async throws {
        try await backend.withStores { stores in
            _ = try await Fixture(seeding: stores.seeding)
            let second = try await stores.review.sessions(matching: SessionFilter(page: 2, pageSize: 2))
            #expect(Fixture.conversations(second) == ["d", "c"])
            #expect(second.total == 6)
            #expect(second.positions == 3...4)
            let zero = try await stores.review.sessions(matching: SessionFilter(page: 0, pageSize: 0))
            #expect((zero.page, zero.pageSize, Fixture.conversations(zero)) == (1, 1, ["f"]))
            let far = try await stores.review.sessions(matching: SessionFilter(page: .max, pageSize: 2))
            #expect(far.sessions.isEmpty)
            #expect((far.page, far.total) == (Int.max / 2, 6))
            let last = try await stores.review.sessions(matching: SessionFilter(status: .completed, page: 2, pageSize: 2))
            #expect((Fixture.conversations(last), last.total) == (["a"], 3))
        }
    }

    @Test(arguments: StoreBackend.available)
    func aReportHoldsEverythingRecordedAboutASession(backend: StoreBackend) async throws {
        try await backend.withStores { stores in
            let fixture = try await Fixture(seeding: stores.seeding)
            let a = try #require(fixture.ids["a"])
            let report = try #require(try await stores.review.report(ofSession: a))
            #expect(report.session == fixture.sessions["a"])
            #expect(report.answers.map(\.text) == ["Café Ünïon", "Parent 50% Club", "Old Name"], "oldest first")
            #expect(report.answers.map(\.replacedAt) == [nil, nil, Fixture.hours(1.25)])
            #expect(report.currentAnswers[Fixture.naming.organization!]?.text == "Café Ünïon")
            #expect(report.transcript.map(\.text) == ["I'm 100% sure", "Bot said drop_in"])
            #expect(report.transcript.map(\.direction) == [.inbound, .outbound])
            #expect(report.transcript.last?.choices?.map(\.value) == ["yes"])
            #expect(report.result == fixture.results["a"])
            #expect(report.notes.map(\.text) == ["Follow up"])
            #expect(try await stores.review.report(ofSession: a + 100)?.session == nil)
            let reports = try await stores.review.reports(matching: SessionFilter(status: .completed))
            #expect(reports.map(\.session.conversation) == ["e", "d", "a"])
            #expect(try await stores.review.allSessionIDs() == ["a", "b", "c", "d", "e", "f"].map { fixture.ids[$0]! })
            #expect(try await stores.review.channelsWithSessions() == ["slack", "teams", "telegram"])
        }
    }

    @Test(arguments: StoreBackend.available)
    func theOverviewGroupsInitiativesInAnyCase(backend: StoreBackend) async throws {
        try await backend.withStores { stores in
            let fixture = try await Fixture(seeding: stores.seeding)
            let overview = try await stores.review.overview()
            #expect(overview.initiatives.map(\.organization) == ["Café Ünïon", "Riverside Family Services"])
            #expect(overview.initiatives.map(\.initiative) == ["Parent 50% Club", "Parent Cafe"])
            #expect(
                overview.initiatives.map { $0.sessions.map(\.id) } == [
                    [fixture.ids["a"]!], [fixture.ids["d"]!, fixture.ids["e"]!],
                ])
            #expect(overview.initiatives.last?.sessions.map(\.date) == [Fixture.hours(4.5), Fixture.hours(5.5)])
            #expect(overview.recommended == [.consulting: 1, .informing: 1], "each initiative's latest session counts")
            for dimension in Fixture.result.recommendation.dimensions.map(\.dimension) {
                #expect(overview.cells[dimension]?.values.reduce(0, +) == 2)
            }
        }
    }

    @Test(arguments: StoreBackend.available)
    func erasingASessionTakesEverythingItHeld(backend: StoreBackend) async throws {
        try await backend.withStores { stores in
            let fixture = try await Fixture(seeding: stores.seeding)
            let a = try #require(fixture.ids["a"])
            #expect(try await stores.review.deleteSession(id: a))
            #expect(try await stores.review.report(ofSession: a)?.session == nil)
            #expect(try await stores.review.deleteSession(id: a) == false)
            #expect(try await list(stores, SessionFilter(search: "100%")).isEmpty)
            #expect(try await stores.review.sessions(matching: SessionFilter()).total == 5)
            #expect(try await stores.review.overview().initiatives.map(\.organization) == ["Riverside Family Services"])
        }
    }
}

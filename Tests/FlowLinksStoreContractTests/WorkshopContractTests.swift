import FlowLinksCore
import FlowLinksStore
import FlowLinksTesting
import Foundation
import Testing

@Suite("Workshops: codes, counts, reports and closing answer the same on every backend")
struct WorkshopContractTests {
    let now = ReviewFixture.start
    let first = WorkshopCode(typed: "KMPRTV")!
    let second = WorkshopCode(typed: "ABCDEF")!

    /// A session of `workshop` in `conversation`, with an organization answer.
    @discardableResult
    func join(
        _ stores: BackendStores, _ workshop: Int64?, _ conversation: String, _ status: SessionStatus,
        organization: String
    ) async throws -> Int64 {
        let id = try await stores.seeding.insert(
            SessionRecord(
                id: nil, channel: "telegram", conversation: conversation, participant: nil, status: status,
                currentStep: nil, misses: 0, pendingConfirmation: nil, pendingOptionId: nil, pendingNote: nil,
                contentVersion: "v1", createdAt: now, updatedAt: now, revision: 0, workshopId: workshop, language: nil))
        try await stores.seeding.insert(
            AnswerRecord(
                id: nil, sessionId: id, stepId: ReviewFixture.naming.organization!, optionId: nil, text: organization,
                skipped: false, answeredAt: now, replacedAt: nil))
        return id
    }

    @Test(arguments: StoreBackend.available)
    func aWorkshopIsFoundByItsCodeTypedInAnyCase(backend: StoreBackend) async throws {
        try await backend.withStores { stores in
            let made = try await stores.workshops.createWorkshop(
                name: "Spring", organizations: ["Riverside", "Café/Ünïon"], initiatives: [], closesAt: now + 3600,
                follows: nil, now: now, codes: [first])
            #expect(made.code == "KMPRTV")
            #expect(made.id != nil)
            #expect(try await stores.workshops.workshop(code: "kmp-rtv") == made)
            #expect(try await stores.workshops.workshop(code: "ABCDEF") == nil)
            #expect(try await stores.workshops.workshop(code: "not a code") == nil)
            let next = try await stores.workshops.createWorkshop(
                name: "Autumn", organizations: [], initiatives: ["Parent Cafe"], closesAt: nil, follows: "kmprtv",
                now: now + 60, codes: [first, second])
            #expect(next.code == "ABCDEF", "a taken code is skipped")
            #expect(next.followsId == made.id)
            #expect(try await stores.workshops.workshops().map(\.workshop) == [next, made], "newest first")
            await #expect(throws: WorkshopError.unknownCode("ZZZZZZ")) {
                try await stores.workshops.createWorkshop(
                    name: "Lost", organizations: [], initiatives: [], closesAt: nil, follows: "ZZZZZZ", now: now,
                    codes: [WorkshopCode(typed: "GHJKMN")!])
            }
            #expect(try await stores.workshops.workshops().count == 2)
        }
    }

    @Test(arguments: StoreBackend.available)
    func countsAndTheReportTakeEachConversationsLatestFinishedSession(backend: StoreBackend) async throws {
        try await backend.withStores { stores in
            let earlier = try await stores.workshops.createWorkshop(
                name: "Spring", organizations: [], initiatives: [], closesAt: nil, follows: nil, now: now, codes: [first])
            let later = try await stores.workshops.createWorkshop(
                name: "Autumn", organizations: [], initiatives: [], closesAt: nil, follows: first.text, now: now,
                codes: [second])
            let before = try await join(stores, earlier.id, "x", .completed, organization: "Spring X")
            try await join(stores, later.id, "x", .completed, organization: "First try")
            let latest = try await join(stores, later.id, "x", .completed, organization: "Second try")
            try await join(stores, later.id, "y", .active, organization: "Still going")
            try await join(stores, later.id, "z", .abandoned, organization: "Gave up")
            let w = try await join(stores, later.id, "w", .completed, organization: "Done")
            try await join(stores, nil, "v", .completed, organization: "No workshop")
            let listings = try await stores.workshops.workshops()
            #expect(listings.map { [$0.joined, $0.finished] } == [[3, 2], [1, 1]])
            let report = try #require(try await stores.workshops.workshopReport(code: "abcdef"))
            #expect(report.workshop == later)
            #expect(report.follows == earlier)
            #expect((report.listing.joined, report.listing.finished) == (3, 2))
            #expect(report.sessions.map(\.sessionID) == [latest, w])
            let organization = ReviewFixture.naming.organization!
            #expect(report.sessions.map { $0.answers[organization]?.text } == ["Second try", "Done"])
            #expect(report.earlierSessions.map(\.sessionID) == [before])
            #expect(try await stores.workshops.workshopReport(code: "GHJKMN")?.workshop == nil)
        }
    }

    @Test(arguments: StoreBackend.available)
    func closingKeepsTheFirstMoment(backend: StoreBackend) async throws {
        try await backend.withStores { stores in
            let made = try await stores.workshops.createWorkshop(
                name: "Spring", organizations: [], initiatives: [], closesAt: nil, follows: nil, now: now, codes: [first])
            #expect(made.isOpen(at: now))
            #expect(try await stores.workshops.closeWorkshop(code: "kmprtv", at: now + 60))
            #expect(try await stores.workshops.closeWorkshop(code: "KMPRTV", at: now + 120))
            let closed = try #require(try await stores.workshops.workshop(code: first.text))
            #expect(closed.closedAt == now + 60)
            #expect(!closed.isOpen(at: now + 61))
            #expect(try await stores.workshops.closeWorkshop(code: "ABCDEF", at: now) == false)
            #expect(try await stores.workshops.closeWorkshop(code: "??", at: now) == false)
        }
    }
}

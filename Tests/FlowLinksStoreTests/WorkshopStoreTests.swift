import FlowLinksCore
import FlowLinksTesting
import Foundation
import GRDB
import Testing

@testable import FlowLinksStore

/// Random numbers from a fixed sequence, so codes are the same in every run.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return state
    }
}

@Suite("Workshops in the store")
struct WorkshopStoreTests {
    let database: SQLiteDatabase
    let conversations: WebhookConversations
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    init() throws {
        database = try SQLiteDatabase.inMemory()
        conversations = WebhookConversations(database, channel: "generic")
    }

    func create(_ name: String = "Spring", closesAt: Date? = nil, follows: String? = nil) async throws -> WorkshopRecord {
        var generator = SeededGenerator(state: 42)
        return try await database.workshops.createWorkshop(
            name: name, organizations: [WorkshopPeople.riverside], initiatives: [], closesAt: closesAt, follows: follows,
            now: now, generator: &generator)
    }

    func session(_ conversation: String) throws -> SessionRecord? {
        try database.currentSession(ConversationKey(channel: "generic", conversation: conversation))
    }

    @Test func codesAreSixUnambiguousLettersAndUnique() async throws {
        let first = try await create()
        let second = try await create("Autumn")
        #expect(first.code != second.code, "the same random sequence still gives a new code")
        for code in [first.code, second.code] {
            #expect(code.count == 6 && code.allSatisfy { WorkshopCode.alphabet.contains($0) })
        }
        #expect(try await database.workshops.workshops().map(\.workshop.name) == ["Autumn", "Spring"])
    }

    @Test func aFirstMessageJoinRequestStartsTheSessionInTheWorkshop() async throws {
        let workshop = try await create()
        let outcome = try await conversations.say(["/start \(workshop.code)"], in: "a", at: now)
        #expect(outcome?.replies.map(\.text).joined().contains("Spring") == true)
        #expect(try session("a")?.workshopId == workshop.id)
        let sessions = try await database.writer.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM sessions") }
        #expect(sessions == 1)
    }

    @Test func joiningAfterAnsweringStartsANewSessionAndLeavesTheOldOne() async throws {
        let workshop = try await create()
        try await conversations.say(["hello", "Some Org"], in: "a", at: now)
        let before = try #require(try session("a"))
        try await conversations.say(["join \(workshop.code.lowercased())"], in: "a", at: now)
        let after = try #require(try session("a"))
        #expect(after.id != before.id)
        #expect(after.workshopId == workshop.id)
        let old = try await database.writer.read { try SessionRecord.fetchOne($0, key: before.id) }
        #expect(old?.status == .abandoned)
    }

    @Test func joiningAnEmptySessionKeepsIt() async throws {
        let workshop = try await create()
        try await conversations.say(["hello"], in: "a", at: now)
        let before = try #require(try session("a"))
        try await conversations.say(["join \(workshop.code)"], in: "a", at: now)
        #expect(try session("a")?.id == before.id)
        #expect(try session("a")?.workshopId == workshop.id)
    }

    @Test func closedWorkshopsTakeNoOne() async throws {
        let workshop = try await create(closesAt: now.addingTimeInterval(60))
        let late = try await conversations.say(["join \(workshop.code)"], in: "late", at: now.addingTimeInterval(61))
        #expect(late?.replies.first?.text.contains("is closed") == true)
        #expect(try session("late")?.workshopId == nil)
        let another = try await create("Another")
        try await database.workshops.closeWorkshop(code: another.code, at: now)
        #expect(try await database.workshops.workshopReport(code: another.code)?.workshop.isOpen(at: now) == false)
    }

    @Test func theTeamViewCountsEachConversationsLatestFinishedSession() async throws {
        let workshop = try await create()
        let replies = WorkshopPeople.riversideMembers[0]
        try await conversations.say(["join \(workshop.code)"] + replies, in: "a", at: now)
        try await conversations.say(["restart", "yes"] + replies.dropLast(2), in: "a", at: now)
        try await conversations.say(["join \(workshop.code)"] + replies.prefix(5), in: "b", at: now)
        let report = try #require(try await database.workshops.workshopReport(code: workshop.code))
        #expect(report.listing.joined == 2)
        #expect(report.listing.finished == 1)
        #expect(report.sessions.count == 1, "the unfinished restart and the unfinished person do not count")
        #expect(report.sessions.first?.perspective == .member)
    }

    @Test func leavingTakesEverySessionOfTheConversationOut() async throws {
        let workshop = try await create()
        try await conversations.say(["join \(workshop.code)"] + WorkshopPeople.riversideMembers[0], in: "a", at: now)
        try await conversations.say(["restart", "yes", "leave"], in: "a", at: now)
        let count = try await database.writer.read {
            try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM sessions WHERE workshop_id IS NOT NULL")
        }
        #expect(count == 0)
        #expect(try await database.workshops.workshopReport(code: workshop.code)?.sessions.isEmpty == true)
        #expect(try session("a")?.currentStep == "organization")
    }

    @Test func erasureRemovesThePersonFromTheWorkshop() async throws {
        let workshop = try await create()
        try await conversations.say(["join \(workshop.code)"] + WorkshopPeople.riversidePartners[0], in: "p", at: now)
        #expect(try await database.workshops.workshopReport(code: workshop.code)?.sessions.count == 1)
        try await conversations.say(["delete my data", "yes"], in: "p", at: now)
        #expect(try await database.workshops.workshopReport(code: workshop.code)?.sessions.isEmpty == true)
        #expect(try await database.workshops.workshopReport(code: workshop.code)?.listing.joined == 0)
    }

    @Test func aWorkshopFollowsAnEarlierOneByCode() async throws {
        let earlier = try await create("Spring")
        let later = try await create("Autumn", follows: earlier.code.lowercased())
        #expect(later.followsId == earlier.id)
        #expect(try await database.workshops.workshopReport(code: later.code)?.follows?.code == earlier.code)
        await #expect(throws: WorkshopError.unknownCode("ZZZZZZ")) { try await create("X", follows: "ZZZZZZ") }
    }
}

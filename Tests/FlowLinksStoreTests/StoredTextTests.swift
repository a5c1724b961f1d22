import FlowLinksCore
import FlowLinksStore
import FlowLinksTesting
import Foundation
import Testing

/// SQLite takes a Swift string as a C string: a NUL would end it. The store's rule: free text is
/// stored whole with U+FFFD for each NUL; a key with a NUL is refused.
@Suite("Text holding a NUL character")
struct StoredTextTests {
    static let engine = Engine(script: DefaultPrompts.script)
    let database: SQLiteDatabase
    let now = TestClock().now

    init() throws {
        database = try SQLiteDatabase.inMemory()
    }

    func converse(_ texts: [String], conversation: String = "a", participant: String? = nil) async throws -> Int64? {
        let key = ConversationKey(channel: "repl", conversation: conversation)
        var session: Int64?
        for text in texts {
            session = try await database.conversations.converse(
                InboundMessage(key: key, participant: participant, text: text), engine: Self.engine, now: now
            ).sessionID
        }
        return session
    }

    @Test func aNoteWithANULIsStoredWholeWithTheReplacementCharacter() async throws {
        let session = try #require(try await converse(["hello"]))
        _ = try await database.facilitators.addNote(toSession: session, author: "maria", text: "call\u{0}back", now: now)
        #expect(try await database.facilitators.notes(ofSession: session).map(\.text) == ["call\u{FFFD}back"])
        let note = try #require(try await database.facilitators.notes(ofSession: session).first?.id)
        _ = try await database.facilitators.editNote(note, ofSession: session, by: "maria", text: "a\u{0}b\u{0}", now: now)
        #expect(try await database.facilitators.notes(ofSession: session).map(\.text) == ["a\u{FFFD}b\u{FFFD}"])
    }

    @Test func aTerminalMessageWithANULIsStoredWholeInTheTranscriptAndTheAnswer() async throws {
        let session = try #require(try await converse(["hello", "River\u{0}side Services"], participant: "ma\u{0}ria"))
        let inbound = try database.transcript(ofSession: session).filter { $0.direction == .inbound }
        #expect(inbound.map(\.text) == ["hello", "River\u{FFFD}side Services"])
        #expect(inbound.last?.participant == "ma\u{FFFD}ria")
        #expect(try database.session(id: session)?.participant == "ma\u{FFFD}ria")
        #expect(try database.answerHistory(ofSession: session).compactMap(\.text) == ["River\u{FFFD}side Services"])
    }

    @Test func aSearchWithANULFindsOnlyWhatItSays() async throws {
        _ = try await converse(["hello", "Parent Cafe"])
        #expect(try await database.review.sessions(matching: SessionFilter(search: "cafe")).total == 1)
        // why: cut at the NUL, the pattern would be "%cafe" and match.
        #expect(try await database.review.sessions(matching: SessionFilter(search: "cafe\u{0}zzz")).total == 0)
        #expect(try await database.review.sessions(matching: SessionFilter(organization: "cafe\u{0}zzz")).total == 0)
        #expect(try await database.review.sessions(matching: SessionFilter(channel: "repl\u{0}x")).total == 0)
    }

    @Test func aKeyWithANULIsRefused() async throws {
        await #expect(throws: StoreInputError.nulInKey("conversation")) {
            try await converse(["hello"], conversation: "team\u{0}other")
        }
        await #expect(throws: StoreInputError.nulInKey("username")) {
            try await database.facilitators.addFacilitator(username: "bob\u{0}", passwordHash: "$2b$", now: now)
        }
        let session = try #require(try await converse(["hello"]))
        await #expect(throws: StoreInputError.nulInKey("author")) {
            try await database.facilitators.addNote(toSession: session, author: "ma\u{0}ria", text: "note", now: now)
        }
        #expect(try database.rowCounts()["sessions"] == 1)
    }

    @Test func aNameWithANULFindsNoAccount() async throws {
        try await database.facilitators.addFacilitator(username: "bob", passwordHash: "$2b$", now: now)
        #expect(try await database.facilitators.facilitator(named: "bob")?.username == "bob")
        #expect(try await database.facilitators.facilitator(named: "bob\u{0}zz") == nil)
        #expect(
            try await database.facilitators.setFacilitatorPasswordHash(username: "bob\u{0}zz", passwordHash: "x", now: now)
                == false)
        #expect(try await database.facilitators.removeFacilitator(username: "bob\u{0}") == false)
        #expect(try await database.facilitators.facilitator(named: "bob")?.passwordHash == "$2b$")
    }

    @Test func aHugePageNumberIsAnEmptyPageNotAnOverflow() async throws {
        _ = try await converse(["hello"])
        for pageSize in [1, 25, 100_000] {
            let page = try await database.review.sessions(matching: SessionFilter(page: .max, pageSize: pageSize))
            #expect(page.sessions.isEmpty)
            #expect(page.total == 1)
            #expect(page.positions == nil)
        }
        #expect(try await database.review.sessions(matching: SessionFilter(page: .min, pageSize: .min)).sessions.count == 1)
    }
}

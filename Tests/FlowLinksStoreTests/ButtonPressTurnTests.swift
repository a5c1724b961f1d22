import FlowLinksCore
import FlowLinksTesting
import Foundation
import Testing

@testable import FlowLinksStore

/// The store hands a press to the engine with the id of the session it loaded, and says what
/// became of the press, the first time and on a replay alike.
@Suite("Button presses in the store")
struct ButtonPressTurnTests {
    let engine = Engine(script: DefaultPrompts.script)
    let key = ConversationKey(channel: "telegram", conversation: "4242")
    let clock = TestClock()

    func send(
        _ text: String, press: ButtonPress? = nil, event: String, to database: SQLiteDatabase
    ) async throws -> TurnOutcome {
        let message = InboundMessage(key: key, text: text, press: press)
        return try await database.conversations.converse(message, eventID: event, engine: engine, now: clock.now) {
            ($0.replies, [])
        }.0
    }

    /// A database whose conversation, session 1, is at the benefit question.
    func atBenefit() async throws -> SQLiteDatabase {
        let database = try SQLiteDatabase.inMemory()
        for (index, text) in ["hi", "Riverside", "Parent Cafe", "skip"].enumerated() {
            _ = try await send(text, event: "\(index)", to: database)
        }
        return database
    }

    func benefit(_ option: Int, session: Int64) -> ButtonPress {
        .choice(ChoicePress(sessionID: session, question: .step("benefit"), option: option))
    }

    @Test func aPressOfTheCurrentQuestionIsAcceptedAndTheTranscriptShowsItsLabel() async throws {
        let database = try await atBenefit()
        let outcome = try await send("No", press: benefit(3, session: 1), event: "press", to: database)
        #expect(outcome.press == .accepted)
        #expect(try database.state(ofSession: 1)?.answers["benefit"]?.optionID == "no")
        let replay = try await send("No", press: benefit(3, session: 1), event: "press", to: database)
        #expect(replay.replayed)
        #expect(replay.press == .accepted)
        #expect(try database.transcript(ofSession: 1).filter { $0.direction == .inbound }.last?.text == "No")
    }

    @Test func aPressOfAnotherSessionIsStaleTheFirstTimeAndOnAReplay() async throws {
        let database = try await atBenefit()
        let outcome = try await send("No", press: benefit(3, session: 2), event: "press", to: database)
        #expect(outcome.press == .stale)
        #expect(outcome.replies.map(\.notice) == [.stalePress])
        #expect(try database.state(ofSession: 1)?.answers["benefit"] == nil)
        let replay = try await send("No", press: benefit(3, session: 2), event: "press", to: database)
        #expect(replay.press == .stale)
        #expect(replay.replies == outcome.replies)
    }

    @Test func aPressInAnErasedConversationStartsNothing() async throws {
        let database = try SQLiteDatabase.inMemory()
        let outcome = try await send("Yes", press: benefit(1, session: 1), event: "press", to: database)
        #expect(outcome.sessionID == nil)
        #expect(outcome.press == .stale)
        #expect(outcome.replies.map(\.text) == [DefaultPrompts.script.language.message(.pressEnded).render()])
        #expect(try database.rowCounts()["sessions"] == 0)
        #expect(try database.rowCounts()["processed_events"] == 1, "a retry gets the same notice")
    }

    @Test func typedWordsHaveNoPressOutcome() async throws {
        let database = try SQLiteDatabase.inMemory()
        #expect(try await send("hi", event: "1", to: database).press == nil)
    }
}

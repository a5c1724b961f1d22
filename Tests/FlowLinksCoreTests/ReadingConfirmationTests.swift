import FlowLinksTesting
import Foundation
import Testing

@testable import FlowLinksCore

/// A likely reading is checked in one line before it is kept, and every reply to a choice question
/// says what became of it, so that the server can count which questions confuse people.
@Suite struct ReadingConfirmationTests {
    /// A conversation at the desired-level question.
    static func atDesiredLevel(_ engine: Engine = Engine(script: DefaultPrompts.script)) -> Conversation {
        var conversation = Conversation(engine: engine)
        conversation.say(Array(SampleAnswers.throughDesiredLevel.dropLast()))
        #expect(conversation.currentStep == "desired_level")
        return conversation
    }

    @Test func aLikelyReadingIsCheckedInOneLineWithYesAndTheOptions() throws {
        var conversation = Self.atDesiredLevel()
        conversation.say("a partnership with the families")
        let question = try #require(conversation.lastTurn.replies.last)
        #expect(question.text == "Sounds like 5. Aligning — is that right? Reply yes, or pick another.")
        #expect(
            question.choices.first
                == Choice(
                    number: 0, value: Engine.confirmValue, label: "Yes, that's it", shortLabel: "Yes, that's it",
                    question: .step("desired_level")))
        #expect(question.choices.dropFirst().map(\.number) == [1, 2, 3, 4, 5])
        #expect(
            conversation.state.pendingReading == PendingReading(optionID: "aligning", note: "a partnership with the families"))
        #expect(conversation.answer("desired_level") == nil)
        #expect(conversation.lastTurn.reading == ReadingEvent(step: "desired_level", outcome: .confirming))
    }

    @Test func theTextOfAConfirmationListsTheOptionsButNotTheUnnumberedYes() throws {
        var conversation = Self.atDesiredLevel()
        conversation.say("partnership")
        let text = PlainText(script: DefaultPrompts.script).render(try #require(conversation.lastTurn.replies.last))
        #expect(text.contains("\n1. Independent: "))
        #expect(text.contains("\n5. Aligning: "))
        #expect(!text.contains("0. Yes"))
    }

    @Test(arguments: ["yes", "Yep!", "that's right", Engine.confirmValue])
    func yesKeepsTheCheckedReadingAndItsNote(_ yes: String) {
        var conversation = Self.atDesiredLevel()
        conversation.say("a partnership with the families")
        conversation.say(yes)
        #expect(conversation.answer("desired_level")?.optionID == "aligning")
        #expect(conversation.answer("desired_level")?.text == "a partnership with the families")
        #expect(conversation.state.pendingReading == nil)
        #expect(conversation.currentStep == "outcomes")
        #expect(conversation.lastTurn.reading == ReadingEvent(step: "desired_level", outcome: .confirmed))
    }

    @Test func aPlainNoShowsTheOptionsAgainWithoutAMiss() throws {
        var conversation = Self.atDesiredLevel()
        conversation.say("partnership")
        let reply = conversation.say("no")
        #expect(reply == "Okay. Which of these fits best?")
        #expect(conversation.lastTurn.replies.last?.choices.count == 5)
        #expect(conversation.currentStep == "desired_level")
        #expect(conversation.answer("desired_level") == nil)
        #expect(conversation.state.pendingReading == nil)
        #expect(conversation.state.misses == 0)
        #expect(conversation.lastTurn.reading == ReadingEvent(step: "desired_level", outcome: .declined))
    }

    @Test(arguments: [("3", "consulting"), ("no, more like consulting", "consulting"), ("Involving", "involving")])
    func anythingElseIsReadAgain(_ reply: String, _ option: String) {
        var conversation = Self.atDesiredLevel()
        conversation.say("partnership")
        conversation.say(reply)
        #expect(conversation.answer("desired_level")?.optionID == option)
        #expect(conversation.lastTurn.reading == ReadingEvent(step: "desired_level", outcome: .taken))
    }

    @Test func pressingYesKeepsTheCheckedReading() throws {
        var conversation = Self.atDesiredLevel()
        conversation.say("a partnership with the families")
        let yes = try #require(conversation.lastTurn.replies.last?.choices.first)
        let turn = conversation.press(try ButtonPressTests.press(yes), session: ButtonPressTests.session)
        #expect(PressOutcome(replies: turn.replies) == .accepted)
        #expect(conversation.answer("desired_level")?.optionID == "aligning")
        #expect(conversation.answer("desired_level")?.text == "a partnership with the families")
        #expect(conversation.state.pendingReading == nil)
        #expect(turn.reading == ReadingEvent(step: "desired_level", outcome: .confirmed))
    }

    @Test func pressingAnotherOptionTakesItInstead() throws {
        var conversation = Self.atDesiredLevel()
        conversation.say("partnership")
        let choices = try #require(conversation.lastTurn.replies.last?.choices)
        let consulting = try #require(choices.first { $0.value == "consulting" })
        let turn = conversation.press(try ButtonPressTests.press(consulting), session: ButtonPressTests.session)
        #expect(conversation.answer("desired_level")?.optionID == "consulting")
        #expect(conversation.state.pendingReading == nil)
        #expect(turn.reading == ReadingEvent(step: "desired_level", outcome: .taken))
    }

    @Test func aYesButtonWithNoReadingWaitingChangesNothing() throws {
        var conversation = Self.atDesiredLevel()
        conversation.say("partnership")
        let yes = try #require(conversation.lastTurn.replies.last?.choices.first)
        conversation.say("3")
        let before = conversation.state
        let turn = conversation.press(try ButtonPressTests.press(yes), session: ButtonPressTests.session)
        #expect(PressOutcome(replies: turn.replies) == .stale)
        #expect(conversation.state == before)
    }

    @Test func aWorkshopRequestSetsTheCheckedReadingAside() {
        var conversation = Self.atDesiredLevel()
        conversation.say("partnership")
        conversation.say("team")
        #expect(conversation.state.pendingReading == nil)
        conversation.say("yes")
        #expect(conversation.answer("desired_level") == nil)
    }

    @Test func aCommandSetsTheCheckedReadingAside() {
        var conversation = Self.atDesiredLevel()
        conversation.say("partnership")
        conversation.say("help")
        #expect(conversation.state.pendingReading == nil)
        conversation.say("yes")
        #expect(conversation.answer("desired_level") == nil)
    }

    @Test func onAYesNoQuestionTheOptionThatMeansYesIsNotOfferedBesideTheConfirmation() throws {
        var conversation = Conversation()
        conversation.say(Array(SampleAnswers.throughDesiredLevel.prefix(3)))
        conversation.say("probably not")
        let question = try #require(conversation.lastTurn.replies.last)
        #expect(question.text.hasPrefix("Sounds like 3. No"))
        #expect(question.choices.map(\.value) == [Engine.confirmValue, "maybe", "no"])
    }

    @Test func aReplyUnderstoodAtOnceIsTaken() {
        var conversation = Self.atDesiredLevel()
        conversation.say("4 because families should shape it")
        #expect(conversation.lastTurn.reading == ReadingEvent(step: "desired_level", outcome: .taken))
        conversation.say("More trust")
        #expect(conversation.lastTurn.reading == nil)
    }

    @Test func missesAreReaskedThenReaskedTwice() {
        var conversation = Self.atDesiredLevel()
        conversation.say("banana")
        #expect(conversation.lastTurn.reading == ReadingEvent(step: "desired_level", outcome: .reasked))
        conversation.say("pineapple")
        #expect(conversation.lastTurn.reading == ReadingEvent(step: "desired_level", outcome: .reaskedTwice))
        conversation.say("mango")
        #expect(conversation.lastTurn.reading == ReadingEvent(step: "desired_level", outcome: .reaskedTwice))
    }

    @Test(arguments: ["pause", "restart", "delete my data"])
    func leavingAQuestionAfterAMissAbandonsIt(_ command: String) {
        var conversation = Self.atDesiredLevel()
        conversation.say("banana")
        conversation.say(command)
        #expect(conversation.lastTurn.reading == ReadingEvent(step: "desired_level", outcome: .abandoned))
    }

    @Test func comingBackAfterTheIdleTimeoutToAnUnconfirmedReadingAbandonsIt() {
        var conversation = Self.atDesiredLevel(Engine(script: DefaultPrompts.script, idleTimeout: 3600))
        conversation.say("partnership")
        conversation.clock.advance(7200)
        conversation.say("yes")
        #expect(conversation.lastTurn.reading == ReadingEvent(step: "desired_level", outcome: .abandoned))
        #expect(conversation.state.pendingReading == nil)
        #expect(conversation.answer("desired_level") == nil)
    }

    @Test func pausingWithoutAMissAbandonsNothing() {
        var conversation = Self.atDesiredLevel()
        conversation.say("pause")
        #expect(conversation.lastTurn.reading == nil)
    }

    @Test func restartIsKeptOnlyOnAClearYes() {
        var conversation = Self.atDesiredLevel()
        conversation.say(["restart", "probably"])
        #expect(conversation.lastTurn.effect == .none)
        #expect(conversation.currentStep == "desired_level")
    }
}

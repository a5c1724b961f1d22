import FlowLinksTesting
import Foundation
import Testing

@testable import FlowLinksCore

/// A button answers the question it belongs to, in its own session, and nothing else.
@Suite("Button presses")
struct ButtonPressTests {
    static let session: Int64 = 7

    /// A conversation at the benefit question (yes / maybe / no), with that question's choices.
    static func atBenefit() throws -> (Conversation, [Choice]) {
        var conversation = Conversation()
        conversation.say(Array(SampleAnswers.throughDesiredLevel.prefix(3)))
        #expect(conversation.currentStep == "benefit")
        return (conversation, try #require(conversation.lastTurn.replies.last?.choices))
    }

    static func press(_ choice: Choice, session: Int64 = session) throws -> ButtonPress {
        .choice(ChoicePress(sessionID: session, question: try #require(choice.question), option: choice.number))
    }

    @Test func choicesNameTheQuestionTheyAnswer() throws {
        let (_, choices) = try Self.atBenefit()
        #expect(choices.map(\.value) == ["yes", "maybe", "no"])
        #expect(choices.allSatisfy { $0.question == .step("benefit") })
    }

    @Test func aPressForTheCurrentQuestionAnswersIt() throws {
        var (conversation, choices) = try Self.atBenefit()
        let turn = conversation.press(try Self.press(choices[2]), session: Self.session)
        #expect(conversation.answer("benefit")?.optionID == "no")
        #expect(conversation.currentStep == "shared_goals")
        #expect(turn.replies.allSatisfy { $0.notice == nil })
        #expect(PressOutcome(replies: turn.replies) == .accepted)
    }

    @Test func anEarlierQuestionsButtonAfterATypedAnswerChangesNothing() throws {
        var (conversation, benefitChoices) = try Self.atBenefit()
        conversation.say("yes")
        let before = conversation.state
        let turn = conversation.press(try Self.press(benefitChoices[2]), session: Self.session)
        #expect(conversation.state == before, "answers, step, misses and result are as they were")
        #expect(conversation.answer("benefit")?.optionID == "yes")
        #expect(conversation.answer("shared_goals") == nil)
        #expect(turn.replies.map(\.text) == [DefaultPrompts.script.language.message(.pressOutdated).render()])
        #expect(turn.replies.map(\.notice) == [.stalePress])
        #expect(turn.effect == .none)
        #expect(PressOutcome(replies: turn.replies) == .stale)
    }

    @Test func theSameOptionNumberOfTheNextQuestionIsNotTakenFromAnOldButton() throws {
        var (conversation, benefitChoices) = try Self.atBenefit()
        conversation.say("yes")
        let sharedGoals = try #require(conversation.lastTurn.replies.last?.choices)
        #expect(sharedGoals[2].value == "no", "both questions have a third option \"no\"")
        conversation.press(try Self.press(benefitChoices[2]), session: Self.session)
        #expect(conversation.answer("shared_goals") == nil)
        conversation.press(try Self.press(sharedGoals[2]), session: Self.session)
        #expect(conversation.answer("shared_goals")?.optionID == "no")
    }

    @Test func aPressFromAnotherSessionChangesNothing() throws {
        var (conversation, choices) = try Self.atBenefit()
        let before = conversation.state
        let turn = conversation.press(try Self.press(choices[0], session: 6), session: Self.session)
        #expect(conversation.state == before)
        #expect(turn.replies.map(\.notice) == [.stalePress])
    }

    @Test func aPressAfterARestartChangesNothingInTheNewSession() throws {
        var (conversation, choices) = try Self.atBenefit()
        conversation.say(["restart", "yes"])
        #expect(conversation.lastTurn.effect == .startNewSession)
        #expect(conversation.currentStep == "organization")
        let before = conversation.state
        // why: the store continues a restart in a new session, with a new id.
        conversation.press(try Self.press(choices[0]), session: Self.session + 1)
        #expect(conversation.state == before)
        #expect(conversation.answer("benefit") == nil)
    }

    @Test func aPressOnAFinishedReflectionChangesNothingAndSaysItIsFinished() throws {
        var conversation = Conversation()
        conversation.say(Array(SampleAnswers.complete.prefix(3)))
        let choices = try #require(conversation.lastTurn.replies.last?.choices)
        conversation.say(Array(SampleAnswers.complete.dropFirst(3)))
        #expect(conversation.state.status == .completed)
        let before = conversation.state
        let turn = conversation.press(try Self.press(choices[2]), session: Self.session)
        #expect(conversation.state == before, "the result stands")
        #expect(turn.replies.map(\.text) == [DefaultPrompts.script.language.message(.pressFinished).render()])
    }

    @Test func aPressWhilePausedChangesNothingAndSaysHowToGoOn() throws {
        var (conversation, choices) = try Self.atBenefit()
        conversation.say("pause")
        let before = conversation.state
        let turn = conversation.press(try Self.press(choices[0]), session: Self.session)
        #expect(conversation.state == before)
        #expect(conversation.state.status == .paused)
        #expect(turn.replies.map(\.text) == [DefaultPrompts.script.language.message(.pressPaused).render()])
    }

    @Test func aButtonSentBeforeButtonsCarriedTheirQuestionChangesNothing() throws {
        var (conversation, _) = try Self.atBenefit()
        let before = conversation.state
        let turn = conversation.press(ButtonPress(value: "no"), session: Self.session)
        #expect(ButtonPress(value: "no") == .unrecognized("no"))
        #expect(conversation.state == before)
        #expect(turn.replies.map(\.notice) == [.stalePress])
    }

    @Test func anOptionTheQuestionDoesNotHaveChangesNothing() throws {
        var (conversation, _) = try Self.atBenefit()
        let before = conversation.state
        let press = ChoicePress(sessionID: Self.session, question: .step("benefit"), option: 4)
        conversation.press(.choice(press), session: Self.session)
        #expect(conversation.state == before)
    }

    @Test func theConfirmationsYesButtonRestarts() throws {
        var (conversation, _) = try Self.atBenefit()
        conversation.say("restart")
        let choices = try #require(conversation.lastTurn.replies.last?.choices)
        #expect(choices.map(\.question) == [.confirmation(.restart), .confirmation(.restart)])
        conversation.press(try Self.press(choices[0]), session: Self.session)
        #expect(conversation.lastTurn.effect == .startNewSession)
        #expect(conversation.currentStep == "organization")
    }

    @Test func theConfirmationsNoButtonCancels() throws {
        var (conversation, _) = try Self.atBenefit()
        conversation.say("delete my data")
        let choices = try #require(conversation.lastTurn.replies.last?.choices)
        conversation.press(try Self.press(choices[1]), session: Self.session)
        #expect(conversation.lastTurn.effect == .none)
        #expect(conversation.state.pendingConfirmation == nil)
        #expect(conversation.currentStep == "benefit")
    }

    @Test func whileAConfirmationWaitsAnOldQuestionsButtonChangesNothing() throws {
        var (conversation, benefitChoices) = try Self.atBenefit()
        conversation.say("restart")
        let restartChoices = try #require(conversation.lastTurn.replies.last?.choices)
        conversation.say(["no", "delete my data"])
        let before = conversation.state
        for stale in [benefitChoices[0], restartChoices[0]] {
            let turn = conversation.press(try Self.press(stale), session: Self.session)
            #expect(conversation.state == before, "still waiting for the erasure's yes or no")
            #expect(turn.effect == .none, "a restart's yes never confirms an erasure")
        }
    }
}

extension Conversation {
    /// Presses a button in the session `sessionID` and returns the turn.
    @discardableResult
    mutating func press(_ press: ButtonPress, session sessionID: Int64) -> Turn {
        clock.advance(30)
        return take(engine.press(press, inSession: sessionID, state: state, now: clock.now))
    }
}

import FlowLinksTesting
import Foundation
import Testing

@testable import FlowLinksCore

@Suite("Commands at any point")
struct CommandTests {
    @Test func backReasksThePreviousQuestionShowingTheEarlierAnswer() {
        var conversation = Conversation()
        conversation.say(["Riverside", "Parent Cafe"])
        let reply = conversation.say("back")
        #expect(conversation.currentStep == "initiative")
        #expect(reply.contains("Which program, project or initiative"))
        #expect(reply.contains("Parent Cafe"))
    }

    @Test func aChangedAnswerAfterBackContinuesWhereThePersonWas() {
        var conversation = Conversation()
        conversation.say(Array(SampleAnswers.throughDesiredLevel.prefix(5)))
        conversation.say(["back", "no"])
        #expect(conversation.answer("shared_goals")?.optionID == "no")
        #expect(conversation.currentStep == "current_communication")
    }

    @Test func changingAnAnswerReasksTheAnswersThatDependedOnIt() {
        var conversation = Conversation()
        conversation.say(SampleAnswers.throughDesiredLevel + ["More trust", "We work together on everything", "5"])
        #expect(conversation.currentStep == "plan")
        conversation.say(["back", "back"])
        #expect(conversation.currentStep == "words")
        conversation.say("We keep you posted")
        #expect(conversation.answer("words_level") == nil)
        #expect(conversation.currentStep == "words_level")
        #expect(conversation.lastTurn.replies.last?.text.contains("Informing") == true)
    }

    @Test func unchangedAnswersKeepWhatDependedOnThem() {
        var conversation = Conversation()
        conversation.say(SampleAnswers.throughDesiredLevel + ["More trust", "We work together on everything", "5"])
        conversation.say(["back", "back", "We work together on everything"])
        #expect(conversation.answer("words_level")?.optionID == "aligning")
        #expect(conversation.currentStep == "plan")
    }

    @Test func backOnTheFirstQuestionSaysThereIsNothingBefore() {
        var conversation = Conversation()
        let reply = conversation.say("back")
        #expect(reply.contains("first question"))
        #expect(conversation.currentStep == "organization")
    }

    @Test func backAfterTheResultReopensTheLastQuestion() {
        var conversation = Conversation()
        conversation.say(SampleAnswers.complete)
        conversation.say("back")
        #expect(conversation.state.status == .active)
        #expect(conversation.currentStep == "plan")
        #expect(conversation.state.result == nil)
        conversation.say("We will share a budget")
        #expect(conversation.state.status == .completed)
    }

    @Test func skipIsRefusedOnRequiredQuestions() {
        var conversation = Conversation()
        let reply = conversation.say("skip")
        #expect(reply.contains("need an answer"))
        #expect(conversation.currentStep == "organization")
        #expect(conversation.state.answers.isEmpty)
    }

    @Test func skipPassesOnOptionalQuestions() {
        var conversation = Conversation()
        conversation.say(["Riverside", "Parent Cafe", "skip"])
        #expect(conversation.answer("purpose")?.skipped == true)
        #expect(conversation.currentStep == "benefit")
    }

    @Test func whyExplainsTheCurrentQuestion() {
        var conversation = Conversation()
        let reply = conversation.say("Why?")
        #expect(reply.contains(DefaultPrompts.script.steps[0].why))
        #expect(conversation.currentStep == "organization")
    }

    @Test func statusSaysWhereThePersonIs() {
        var conversation = Conversation()
        conversation.say(["Riverside", "Parent Cafe"])
        let reply = conversation.say("/STATUS")
        #expect(reply.contains("question 3 of 13"))
        #expect(reply.contains("2 answered"))
    }

    @Test func helpListsTheCommandsAndRepeatsTheQuestion() {
        var conversation = Conversation()
        let reply = conversation.say("HELP")
        #expect(reply.contains("delete my data"))
        #expect(reply.hasSuffix(DefaultPrompts.script.steps[0].question))
    }

    @Test func commandsWorkInAnyCaseAndWithALeadingSlash() {
        for text in ["back", "BACK", "/back", "/Back", " Back "] {
            var conversation = Conversation()
            conversation.say(["Riverside", text])
            #expect(conversation.currentStep == "organization", "\(text)")
        }
    }

    @Test func pauseAndComingBackResumesExactlyWhereItStopped() {
        var conversation = Conversation()
        conversation.say(["Riverside", "Parent Cafe"])
        let paused = conversation.say("pause")
        #expect(conversation.state.status == .paused)
        #expect(paused.contains("question 3"))
        let resumed = conversation.say("hello again")
        #expect(resumed.contains("Welcome back"))
        #expect(conversation.state.status == .active)
        #expect(conversation.currentStep == "purpose")
        #expect(conversation.answer("purpose") == nil)
    }

    @Test func aReturnAfterTheIdleTimeoutIsGreetedNotTakenAsAnAnswer() {
        var conversation = Conversation(engine: Engine(script: DefaultPrompts.script, idleTimeout: 3600))
        conversation.say("Riverside")
        conversation.clock.advance(7200)
        let reply = conversation.say("Parent Cafe")
        #expect(reply.contains("Welcome back"))
        #expect(conversation.answer("initiative") == nil)
        conversation.say("Parent Cafe")
        #expect(conversation.answer("initiative")?.text == "Parent Cafe")
    }

    @Test func restartAsksFirstThenStartsANewSession() {
        var conversation = Conversation()
        conversation.say(["Riverside", "restart"])
        #expect(conversation.state.pendingConfirmation == .restart)
        #expect(conversation.lastTurn.replies.last?.choices.map(\.value) == ["yes", "no"])
        conversation.say("yes")
        #expect(conversation.lastTurn.effect == .startNewSession)
        #expect(conversation.state.answers.isEmpty)
        #expect(conversation.currentStep == "organization")
    }

    @Test func anythingButYesCancelsAndRepeatsTheQuestion() {
        var conversation = Conversation()
        conversation.say(["Riverside", "delete my data"])
        let reply = conversation.say("no thanks")
        #expect(conversation.lastTurn.effect == .none)
        #expect(conversation.state.pendingConfirmation == nil)
        #expect(reply.contains("nothing changed"))
        #expect(conversation.answer("organization")?.text == "Riverside")
        #expect(conversation.currentStep == "initiative")
    }

    @Test func deleteMyDataErasesAfterAConfirmation() {
        var conversation = Conversation()
        conversation.say(["Riverside", "Delete my data"])
        #expect(conversation.lastTurn.effect == .none)
        let reply = conversation.say("yes")
        #expect(conversation.lastTurn.effect == .erase)
        #expect(reply.contains("deleted"))
    }

    @Test func aFinishedSessionNeverDeadEnds() {
        var conversation = Conversation()
        conversation.say(SampleAnswers.complete)
        let reply = conversation.say("what now?")
        #expect(reply.contains("Involving"))
        #expect(reply.contains("restart"))
        let status = conversation.say("status")
        #expect(status.contains("Recommended level"))
    }
}

import FlowLinksTesting
import Foundation
import Testing

@testable import FlowLinksCore

@Suite("The default script, step by step")
struct ConversationFlowTests {
    let script = DefaultPrompts.script

    @Test func aNewSessionWelcomesAndAsksTheFirstQuestion() {
        let conversation = Conversation()
        let texts = conversation.lastTurn.replies.map(\.text)
        #expect(texts.count == 2)
        #expect(texts[0].contains("FlowLinks"))
        #expect(texts[0].contains("delete my data"))
        #expect(texts[0].contains("13 short questions"))
        #expect(texts[1] == script.steps[0].question)
        #expect(conversation.currentStep == "organization")
    }

    @Test func everyStepIsAskedInOrderAndTheSessionEndsWithAResult() throws {
        var conversation = Conversation()
        var asked: [StepID] = []
        for reply in SampleAnswers.complete {
            asked.append(try #require(conversation.currentStep))
            conversation.say(reply)
        }
        #expect(asked == script.steps.map(\.id))
        #expect(conversation.state.status == .completed)
        let result = try #require(conversation.state.result)
        #expect(result.recommendation.recommended == .involving)
        let text = conversation.lastTurn.replies.map(\.text).joined(separator: "\n")
        for dimension in ["Communication", "Resource sharing", "Decision-making"] { #expect(text.contains(dimension)) }
    }

    @Test func questionsUseEarlierAnswers() {
        var conversation = Conversation()
        conversation.say(["Riverside Family Services", "Parent Cafe"])
        #expect(conversation.lastTurn.replies.last?.text == "In one line, what is Parent Cafe for?")
    }

    @Test func choiceQuestionsOfferNumberedChoicesFromTheChart() throws {
        var conversation = Conversation()
        conversation.say(Array(SampleAnswers.throughDesiredLevel.prefix(5)))
        #expect(conversation.currentStep == "current_communication")
        let choices = try #require(conversation.lastTurn.replies.last?.choices)
        #expect(choices.map(\.number) == [1, 2, 3, 4, 5])
        #expect(choices[2].label == "Feedback from community partners is considered.")
        #expect(choices[2].shortLabel == "Consulting")
    }

    @Test func theResourcesQuestionOffersTheSharedFirstCell() throws {
        var conversation = Conversation()
        conversation.say(Array(SampleAnswers.throughDesiredLevel.prefix(6)))
        let choices = try #require(conversation.lastTurn.replies.last?.choices)
        #expect(choices.count == 3)
        #expect(choices[0].shortLabel == "Independent–Consulting")
    }

    @Test func aChoiceWithANoteKeepsBoth() throws {
        var conversation = Conversation()
        conversation.say(Array(SampleAnswers.throughDesiredLevel.prefix(4)))
        let benefit = try #require(conversation.answer("benefit"))
        #expect(benefit.optionID == "yes")
        #expect(benefit.text == "partners reach families we can't")
    }

    @Test func theWordsQuestionSuggestsALevelThatYesAccepts() throws {
        var conversation = Conversation()
        conversation.say(SampleAnswers.throughDesiredLevel + ["More trust", "We will keep you posted with a newsletter"])
        #expect(conversation.currentStep == "words_level")
        #expect(conversation.lastTurn.replies.last?.text.contains("Informing") == true)
        conversation.say("yep")
        #expect(conversation.answer("words_level")?.optionID == "informing")
    }

    @Test func skippingTheWordsQuestionSkipsTheLevelOfTheWords() {
        var conversation = Conversation()
        conversation.say(SampleAnswers.throughDesiredLevel + ["More trust", "skip"])
        #expect(conversation.currentStep == "plan")
        conversation.say("skip")
        #expect(conversation.state.result?.recommendation.wordsCheck == .notAssessed)
    }

    @Test func anEmptyAnswerIsAskedForAgain() {
        var conversation = Conversation()
        let reply = conversation.say("   ")
        #expect(reply.contains("didn't get any words"))
        #expect(conversation.currentStep == "organization")
        #expect(conversation.state.answers.isEmpty)
    }

    @Test func anOverlongAnswerIsKindlyRefused() {
        var conversation = Conversation()
        let reply = conversation.say(String(repeating: "a", count: 2001))
        #expect(reply.contains("2000 characters"))
        #expect(conversation.state.answers.isEmpty)
    }
}

@Suite("Replies that are not understood")
struct RepromptTests {
    @Test func theFirstMissRepeatsTheOptionsKindly() throws {
        var conversation = Conversation()
        conversation.say(Array(SampleAnswers.throughDesiredLevel.prefix(3)))
        conversation.say("banana")
        let reply = try #require(conversation.lastTurn.replies.first)
        #expect(reply.text.contains("didn't quite catch that"))
        #expect(reply.choices.count == 3)
        #expect(conversation.currentStep == "benefit")
    }

    @Test func theSecondMissGivesANumberedListAndAnExample() throws {
        var conversation = Conversation()
        conversation.say(Array(SampleAnswers.throughDesiredLevel.prefix(3)))
        conversation.say(["banana", "pineapple"])
        let text = try #require(conversation.lastTurn.replies.first?.text)
        #expect(text.contains("1. Yes"))
        #expect(text.contains("3. No"))
        #expect(text.contains("For example, reply 1"))
    }

    @Test func aGoodAnswerAfterMissesMovesOn() {
        var conversation = Conversation()
        conversation.say(Array(SampleAnswers.throughDesiredLevel.prefix(3)))
        conversation.say(["banana", "pineapple", "banana", "3"])
        #expect(conversation.answer("benefit")?.optionID == "no")
        #expect(conversation.state.misses == 0)
        #expect(conversation.currentStep == "shared_goals")
    }
}

import FlowLinksCore
import FlowLinksTesting
import Foundation
import Testing

@Suite("Joining a workshop")
struct WorkshopJoiningTests {
    @Test(arguments: ["join KMPRTV", "JOIN kmprtv", "/join kmp-rtv", "/start KMPRTV", "Join  KMP RTV"])
    func joinRequestsInAnyCaseAskTheStoreForTheCode(_ text: String) {
        let conversation = Conversation()
        let turn = conversation.engine.reply(to: text, in: conversation.state, now: conversation.clock.now)
        #expect(turn.effect == .workshop(.join(TestWorkshop.code)))
    }

    @Test func aNewConversationOpenedWithTheDeepLinkJoins() {
        let engine = Engine(script: DefaultPrompts.script)
        let turn = engine.begin(now: Date(), saying: "/start KMPRTV")
        #expect(turn.effect == .workshop(.join(TestWorkshop.code)))
        #expect(engine.begin(now: Date(), saying: "hello").effect == .none)
    }

    @Test func joiningNamesTheWorkshopAndAsksMemberOrPartner() throws {
        var conversation = Conversation()
        let turn = conversation.join("join KMPRTV")
        let text = turn.replies.map(\.text).joined(separator: "\n")
        #expect(text.contains("Spring partners workshop"))
        #expect(conversation.currentStep == Perspective.stepID)
        #expect(turn.effect == .none, "a session with no answers joins as it is")
        #expect(conversation.state.workshop == TestWorkshop.link)
        #expect(turn.replies.last?.choices.map(\.value) == ["member", "partner"])
    }

    @Test func aSessionWithAnswersJoinsWithANewSession() {
        var conversation = Conversation()
        conversation.say("Riverside Family Services")
        let turn = conversation.join("join KMPRTV")
        #expect(turn.effect == .startNewSession)
        #expect(conversation.state.answers.isEmpty)
        #expect(conversation.currentStep == Perspective.stepID)
    }

    @Test func listedOrganizationsAndInitiativesBecomeChoicesKeptAsText() {
        var conversation = Conversation()
        conversation.join("join KMPRTV")
        conversation.say("1")
        let question = conversation.lastTurn.replies.last
        #expect(question?.choices.map(\.label) == [WorkshopPeople.riverside, WorkshopPeople.northside])
        conversation.say("2")
        #expect(conversation.answer("organization")?.text == WorkshopPeople.northside)
        #expect(conversation.answer("organization")?.optionID == nil)
        conversation.say("teen health")
        #expect(conversation.answer("initiative")?.text == WorkshopPeople.teenHealth)
    }

    @Test func unknownAndClosedCodesSayWhyAndRepeatTheQuestion() {
        var conversation = Conversation()
        conversation.say("Riverside Family Services")
        let unknown = conversation.join("join ABCDEF", finding: .unknown(WorkshopCode(typed: "ABCDEF")!))
        #expect(unknown.replies[0].text.contains("ABCDEF"))
        #expect(unknown.replies.last?.text.contains("Which program") == true)
        let closed = conversation.join("join KMPRTV", finding: .closed(name: "Winter workshop"))
        #expect(closed.replies[0].text.contains("Winter workshop"))
        #expect(closed.replies[0].text.contains("closed"))
        #expect(conversation.state.workshop == nil)
        #expect(conversation.answer("organization")?.text == "Riverside Family Services")
    }

    @Test func joinWithoutACodeExplainsHow() {
        var conversation = Conversation()
        let reply = conversation.say("join")
        #expect(reply.contains("join KMPRTV"))
        #expect(conversation.currentStep == "organization")
    }

    @Test func anOrganizationNamedJoinSomethingIsStillAnAnswer() {
        var conversation = Conversation()
        conversation.say("Join Together Coalition of the River Valley")
        #expect(conversation.answer("organization")?.text == "Join Together Coalition of the River Valley")
    }

    @Test func leavingStartsAPlainSessionAndAsksTheStoreToDetach() {
        var conversation = Conversation()
        conversation.join("join KMPRTV")
        conversation.say(["1", "1"])
        let turn = conversation.engine.reply(to: "LEAVE", in: conversation.state, now: conversation.clock.now)
        #expect(turn.effect == .workshop(.leave(workshopID: 7)))
        #expect(turn.state.workshop == nil)
        #expect(turn.state.currentStep == "organization")
        #expect(turn.replies[0].text.contains("left the workshop"))
    }

    @Test func leavingOutsideAWorkshopSaysSoAndCarriesOn() {
        var conversation = Conversation()
        let reply = conversation.say("leave")
        #expect(reply.contains("not in a workshop"))
        #expect(conversation.lastTurn.effect == .none)
        #expect(conversation.currentStep == "organization")
    }

    @Test func restartInAWorkshopStaysInIt() {
        var conversation = Conversation()
        conversation.join("join KMPRTV")
        conversation.say(["1", "1", "1"])
        conversation.say(["restart", "yes"])
        #expect(conversation.lastTurn.effect == .startNewSession)
        #expect(conversation.state.workshop == TestWorkshop.link)
        #expect(conversation.currentStep == Perspective.stepID)
    }
}

@Suite("A partner's conversation")
struct PartnerConversationTests {
    @Test func partnersAnswerTheirOwnQuestionsAndGetThanksNotARecommendation() throws {
        var conversation = Conversation()
        conversation.join("join KMPRTV")
        conversation.say("2")
        #expect(conversation.lastTurn.replies.last?.text.contains("community partner of") == true)
        conversation.say(Array(WorkshopPeople.riversidePartners[0].dropFirst()))
        #expect(conversation.state.status == .completed)
        #expect(conversation.state.result == nil)
        let thanks = conversation.lastTurn.replies.map(\.text).joined()
        #expect(thanks.contains("Thank you"))
        #expect(thanks.contains(WorkshopPeople.riverside))
        #expect(!thanks.contains("Recommended level"))
        #expect(conversation.answer("partner_decisions")?.optionID == "informed")
        #expect(conversation.answer("benefit") == nil)
        #expect(conversation.say("hello").contains("saved for the workshop"))
        #expect(conversation.say("status").contains("saved for the workshop"))
    }

    @Test func changingThePerspectiveAsksTheOtherQuestions() {
        var conversation = Conversation()
        conversation.join("join KMPRTV")
        conversation.say(["1", "1", "1"])
        conversation.say(["back", "back", "back", "partner"])
        #expect(conversation.answer(Perspective.stepID)?.optionID == "partner")
        #expect(conversation.answer("organization") == nil, "answers after the perspective are asked again")
        #expect(conversation.lastTurn.replies.last?.text.contains("community partner of") == true)
    }

    @Test func theTeamViewOpensOnlyAfterFinishing() {
        var conversation = Conversation()
        conversation.join("join KMPRTV")
        #expect(conversation.say("team").contains("once you've finished"))
        conversation.say(WorkshopPeople.riversidePartners[1])
        let turn = conversation.engine.reply(to: "/team", in: conversation.state, now: conversation.clock.now)
        #expect(turn.effect == .workshop(.team))
    }
}

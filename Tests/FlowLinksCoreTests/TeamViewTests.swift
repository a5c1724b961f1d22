import FlowLinksCore
import FlowLinksTesting
import Foundation
import Testing

/// The worked example of `docs/scoring.md`: Riverside's three members and two partners see the
/// Parent Cafe differently; Northside's two members agree.
@Suite("The team view")
struct TeamViewTests {
    let builder = TeamViewBuilder(script: DefaultPrompts.script)

    var sessions: [WorkshopAnswers] {
        let people = WorkshopPeople.riversideMembers + WorkshopPeople.riversidePartners + WorkshopPeople.northsideMembers
        return people.enumerated().map { Conversation.finished($1, id: Int64($0 + 1)) }
    }

    var riverside: TeamView? { builder.teams(from: sessions).first { $0.organization == WorkshopPeople.riverside } }

    @Test func teamsAreOneOrganizationAndInitiativeEach() throws {
        let teams = builder.teams(from: sessions)
        #expect(teams.map(\.organization) == [WorkshopPeople.northside, WorkshopPeople.riverside])
        let riverside = try #require(self.riverside)
        #expect(riverside.members.count == 3)
        #expect(riverside.partners.count == 2)
        #expect(teams[0].members.count == 2 && teams[0].partners.isEmpty)
    }

    @Test func eachRowHasEveryLevelTheMiddleAndTheSpread() throws {
        let riverside = try #require(self.riverside)
        let communication = try #require(riverside.dimension(.communication))
        #expect(communication.memberLevels.map(\.rawValue) == [2, 3, 4])
        #expect(communication.partnerLevels.map(\.rawValue) == [1, 2])
        #expect(communication.middle == .consulting)
        #expect(communication.partnerMiddle == .independent, "an even count takes the lower middle")
        #expect(communication.spread == 2)
        let resources = try #require(riverside.dimension(.resources))
        #expect(resources.memberLevels.map(\.rawValue) == [3, 3, 4], "the shared cell counts as Consulting")
        #expect(resources.middle == .consulting && resources.spread == 1 && resources.flags.isEmpty)
        let decisions = try #require(riverside.dimension(.decisions))
        #expect(decisions.memberLevels.map(\.rawValue) == [2, 4, 4])
        #expect(decisions.middle == .involving)
        #expect(decisions.partnerMiddle == .independent)
    }

    @Test func flagsNameEveryDisagreement() throws {
        let riverside = try #require(self.riverside)
        #expect(
            riverside.flags == [
                .membersApart(.communication), .partnersBelow(.communication), .membersApart(.decisions),
                .partnersBelow(.decisions), .desiredApart, .benefitMixed, .sharedGoalsMixed,
            ])
        let northside = try #require(builder.teams(from: sessions).first)
        #expect(northside.flags.isEmpty)
    }

    @Test func theTeamRecommendationRunsTheMiddleAnswersThroughTheSessionRules() throws {
        let team = try #require(riverside?.recommendation)
        let recommendation = team.recommendation
        #expect(recommendation.overallCurrent == .consulting)
        #expect(recommendation.fitCeiling == .involving, "benefit Yes (middle of Maybe, Yes, Yes) × shared goals Some")
        #expect(recommendation.desired == .involving)
        #expect(recommendation.recommended == .involving)
        #expect(recommendation.fit == .matches)
        #expect(recommendation.wordsCheck == .aligned)
        #expect(team.reasoning.contains("Benefit of collaborating: Yes, the middle of Maybe, Yes and Yes."))
        #expect(team.reasoning.contains("Decision-making: Involving, the middle of Informing, Involving and Involving."))
    }

    @Test func discussionQuestionsComeFromTheFlagsThreeToFive() throws {
        let riverside = try #require(self.riverside)
        #expect(riverside.discussion.count == 5)
        #expect(
            riverside.discussion[0]
                == "One of you sees communication at Informing, one at Consulting and one at Involving. What would your partners say?"
        )
        #expect(
            riverside.discussion[1]
                == "One of you sees decision-making at Informing and two at Involving. What would your partners say?")
        #expect(riverside.discussion[2].contains("your partners experience Independent"))
        let northside = try #require(builder.teams(from: sessions).first)
        #expect(northside.discussion.count == 3, "without flags, the guide's own questions")
        #expect(northside.discussion[1].contains("Teen Health"))
    }

    @Test func namesMatchWithoutRegardToCaseOrSpaces() {
        let typed = ["Riverside Family Services", "riverside  family services", "RiversideFamily Services"].enumerated()
            .map { index, name in
                var conversation = Conversation()
                conversation.join("join KMPRTV", finding: .open(WorkshopLink(id: 1, code: "KMPRTV", name: "Free text")))
                conversation.say(
                    ["1", name, "parent cafe", "p", "yes", "yes", "2", "1", "2", "3", "o", "w", "2", "p"])
                return WorkshopAnswers(sessionID: Int64(index), answers: conversation.state.answers)
            }
        let teams = builder.teams(from: typed)
        #expect(teams.count == 1)
        #expect(teams.first?.organization == "Riverside Family Services", "named as first written")
    }

    @Test func movementComparesEachRowsMiddleWithTheEarlierWorkshop() throws {
        let earlier = WorkshopPeople.riversideMembers.enumerated().map { index, replies in
            var lower = replies
            lower[6] = "1"
            return Conversation.finished(lower, id: Int64(100 + index))
        }
        let team = try #require(
            builder.teams(from: sessions, since: earlier).first { $0.organization == WorkshopPeople.riverside })
        let communication = try #require(team.movement.first { $0.dimension == .communication })
        #expect(communication.before == .independent && communication.now == .consulting && communication.change == 2)
        #expect(team.movement.first { $0.dimension == .decisions }?.change == 0)
    }
}

@Suite("The team view shown to participants")
struct TeamPrivacyTests {
    let engine = Engine(script: DefaultPrompts.script)

    func summary(_ view: TeamView?) -> String {
        var conversation = Conversation()
        conversation.join("join KMPRTV")
        conversation.say(WorkshopPeople.riversideMembers[0])
        return engine.showTeam(view, in: conversation.state, now: Date()).replies.map(\.text).joined()
    }

    @Test func fewerThanThreePeopleShowNothing() throws {
        let sessions = WorkshopPeople.northsideMembers.enumerated().map { Conversation.finished($1, id: Int64($0)) }
        let view = try #require(TeamViewBuilder(script: DefaultPrompts.script).teams(from: sessions).first)
        let text = summary(view)
        #expect(text.contains("at least 3 people"))
        #expect(text.contains("2 so far"))
        #expect(!text.contains("Consulting"))
    }

    @Test func enoughPeopleShowAggregatesWithoutNamesOrAFewPartnersAnswers() throws {
        let people = WorkshopPeople.riversideMembers + WorkshopPeople.riversidePartners
        let sessions = people.enumerated().map { Conversation.finished($1, id: Int64($0)) }
        let view = try #require(TeamViewBuilder(script: DefaultPrompts.script).teams(from: sessions).first)
        let text = summary(view)
        #expect(text.contains("3 members and 2 partners"))
        #expect(text.contains("Decision-making: the team's middle level is Involving (answers from Informing to Involving)."))
        #expect(text.contains("Partners' view is shared once at least 3 partners have answered."))
        #expect(!text.contains("Independent"), "two partners' levels are never shown to participants")
        #expect(text.contains("recommended level, from its middle answers: Involving"))
    }
}

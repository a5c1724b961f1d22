import FlowLinksCore
import FlowLinksServer
import FlowLinksStore
import FlowLinksTesting
import Foundation
import HummingbirdTesting
import Testing

/// A workshop run over the generic channel and Telegram (with its deep link and buttons): three
/// members and two partners of Riverside's Parent Cafe, who see it differently, and two members of
/// Northside's Teen Health.
@Suite("A workshop over two channels")
struct WorkshopServerTests {
    /// A reply as a person sends it on Telegram: typed, or a press of the current question's button.
    enum Reply {
        case say(String)
        case press(Int)
    }

    static func server() async throws -> (TestServer, WorkshopRecord) {
        var server = try TestServer {
            $0.telegram = TelegramSettings(secretToken: PlatformRequests.telegramSecret, botToken: "999:workshop-test-bot")
            $0.telegramBotUsername = "flowlinks_test_bot"
            $0.publicBaseURL = "https://flowlinks.example.org"
        }
        server.passwordCost = 4
        try await FacilitatorAccounts(store: server.database.facilitators, cost: 4).add(
            username: "maria", password: "correct horse battery")
        var generator = SystemRandomNumberGenerator()
        let workshop = try await server.database.workshops.createWorkshop(
            name: "Spring partners workshop", organizations: [WorkshopPeople.riverside, WorkshopPeople.northside],
            initiatives: [WorkshopPeople.parentCafe, WorkshopPeople.teenHealth], now: server.clock.now,
            generator: &generator)
        return (server, workshop)
    }

    /// The replies of `WorkshopPeople` as a Telegram user gives them: choices pressed, the rest typed.
    static func telegramReplies(_ replies: [String], choices: Set<Int>) -> [Reply] {
        replies.enumerated().map { index, reply in
            guard choices.contains(index) else { return .say(reply) }
            let numbers = ["yes": 1, "maybe": 2, "some": 2, WorkshopPeople.riverside: 1, WorkshopPeople.parentCafe: 1]
            return .press(Int(reply) ?? numbers[reply] ?? 1)
        }
    }

    /// Runs the whole workshop: everyone joins and answers.
    static func runWorkshop(_ server: TestServer, code: String) async throws {
        try await server.test { client in
            for (index, replies) in [
                WorkshopPeople.riversideMembers[0], WorkshopPeople.riversideMembers[1], WorkshopPeople.riversidePartners[0],
            ].enumerated() {
                try await client.sendGeneric("Join \(code.lowercased())", conversation: "generic-\(index)")
                for reply in replies { try await client.sendGeneric(reply, conversation: "generic-\(index)") }
            }
            for (index, replies) in WorkshopPeople.northsideMembers.enumerated() {
                try await client.sendGeneric("/join \(code)", conversation: "north-\(index)")
                for reply in replies { try await client.sendGeneric(reply, conversation: "north-\(index)") }
            }
            // Member: perspective, organization, initiative, benefit, shared goals, the chart rows,
            // desired and words levels are buttons. Partner: perspective, organization, initiative and levels.
            let member = telegramReplies(WorkshopPeople.riversideMembers[2], choices: [0, 1, 2, 4, 5, 6, 7, 8, 9, 12])
            let partner = telegramReplies(WorkshopPeople.riversidePartners[1], choices: [0, 1, 2, 3, 4, 5, 7])
            var update = 1000
            for (chat, replies) in [(501, member), (502, partner)] {
                update += 1
                try await client.sendTelegram(
                    PlatformRequests.telegramMessage(update: update, chat: chat, text: "/start \(code)"))
                for reply in replies {
                    update += 1
                    switch reply {
                    case .say(let text):
                        try await client.sendTelegram(PlatformRequests.telegramMessage(update: update, chat: chat, text: text))
                    case .press(let option):
                        let value = try server.buttonValue(option: option, conversation: "\(chat)")
                        let response = try await client.sendTelegram(
                            PlatformRequests.telegramButton(update: update, chat: chat, data: value, label: "\(option)"))
                        #expect(response.status == .ok)
                    }
                }
            }
        }
    }

    static func teams(_ server: TestServer, code: String) async throws -> [TeamView] {
        let report = try #require(try await server.database.workshops.workshopReport(code: code))
        return TeamViewBuilder(script: DefaultPrompts.script).teams(from: report.sessions, since: report.earlierSessions)
    }

    @Test func theTeamViewFlagsAndRecommendationComeFromBothChannels() async throws {
        let (server, workshop) = try await Self.server()
        try await Self.runWorkshop(server, code: workshop.code)
        let report = try #require(try await server.database.workshops.workshopReport(code: workshop.code))
        #expect(report.listing.joined == 7)
        #expect(report.listing.finished == 7)
        let teams = try await Self.teams(server, code: workshop.code)
        #expect(teams.map(\.organization) == [WorkshopPeople.northside, WorkshopPeople.riverside])
        let riverside = try #require(teams.last)
        #expect(riverside.members.count == 3 && riverside.partners.count == 2)
        #expect(riverside.dimension(.communication)?.memberLevels.map(\.rawValue) == [2, 3, 4])
        #expect(riverside.dimension(.communication)?.partnerLevels.map(\.rawValue) == [1, 2])
        #expect(riverside.dimension(.decisions)?.memberLevels.map(\.rawValue) == [2, 4, 4])
        #expect(riverside.dimension(.decisions)?.middle == .involving)
        #expect(
            riverside.flags == [
                .membersApart(.communication), .partnersBelow(.communication), .membersApart(.decisions),
                .partnersBelow(.decisions), .desiredApart, .benefitMixed, .sharedGoalsMixed,
            ])
        #expect(riverside.recommendation?.recommendation.recommended == .involving)
        #expect(riverside.recommendation?.recommendation.overallCurrent == .consulting)
        #expect(teams.first?.flags == [])
    }

    @Test func participantsSeeTheTeamOnlyWithEnoughPeopleAndWithoutPartnersAnswers() async throws {
        let (server, workshop) = try await Self.server()
        try await Self.runWorkshop(server, code: workshop.code)
        try await server.test { client in
            let riverside = try await client.sendGeneric("team", conversation: "generic-0").text
            #expect(riverside.contains("3 members and 2 partners"))
            #expect(riverside.contains("Partners' view is shared once at least 3 partners have answered."))
            #expect(!riverside.contains("Independent"))
            let northside = try await client.sendGeneric("TEAM", conversation: "north-0").text
            #expect(northside.contains("appears once at least 3 people have answered"))
        }
    }

    @Test func erasingOnePersonRemovesThemFromEveryView() async throws {
        let (server, workshop) = try await Self.server()
        try await Self.runWorkshop(server, code: workshop.code)
        try await server.test { client in
            try await client.sendTelegram(PlatformRequests.telegramMessage(update: 5001, chat: 502, text: "delete my data"))
            try await client.sendTelegram(PlatformRequests.telegramMessage(update: 5002, chat: 502, text: "yes"))
        }
        let riverside = try #require(try await Self.teams(server, code: workshop.code).last)
        #expect(riverside.partners.count == 1)
        #expect(riverside.dimension(.communication)?.partnerLevels.map(\.rawValue) == [2])
        #expect(try await server.database.workshops.workshopReport(code: workshop.code)?.listing.joined == 6)
        try await server.test { client in
            var browser = Browser()
            try await browser.signIn(client)
            let json = try await browser.get("/facilitator/workshops/\(workshop.code)/export.json", client)
            let document = try #require(try JSONSerialization.jsonObject(with: Data(buffer: json.body)) as? [String: Any])
            let teams = try #require(document["teams"] as? [[String: Any]])
            #expect(teams.last?["partners"] as? Int == 1)
            let live = try await browser.get("/facilitator/workshops/\(workshop.code)/live", client).text
            #expect(live.contains("<dd id=\"joined\">6</dd>"))
        }
    }

    @Test func leavingTakesAPersonOutOfTheWorkshop() async throws {
        let (server, workshop) = try await Self.server()
        try await Self.runWorkshop(server, code: workshop.code)
        try await server.test { client in
            let left = try await client.sendGeneric("leave", conversation: "generic-2").text
            #expect(left.contains("left the workshop"))
        }
        let riverside = try #require(try await Self.teams(server, code: workshop.code).last)
        #expect(riverside.partners.count == 1)
    }

    @Test func closedAndUnknownCodesAreRefusedKindly() async throws {
        let (server, workshop) = try await Self.server()
        try await server.database.workshops.closeWorkshop(code: workshop.code, at: server.clock.now)
        try await server.test { client in
            let closed = try await client.sendGeneric("join \(workshop.code)", conversation: "late").text
            #expect(closed.contains("is closed"))
            #expect(closed.contains("name of your organization"))
            let unknown = try await client.sendGeneric("join ZZZZZZ", conversation: "lost").text
            #expect(unknown.contains("ZZZZZZ"))
        }
        #expect(try await server.database.workshops.workshopReport(code: workshop.code)?.listing.joined == 0)
    }

    @Test func theWorkshopPagesShowJoiningTeamsAndExports() async throws {
        let (server, workshop) = try await Self.server()
        try await Self.runWorkshop(server, code: workshop.code)
        try await server.test { client in
            var browser = Browser()
            try await browser.signIn(client)
            let page = try await browser.get("/facilitator/workshops/\(workshop.code)", client)
            #expect(page.status == .ok)
            #expect(page.text.contains("https://t.me/flowlinks_test_bot?start=\(workshop.code)"))
            #expect(page.text.contains("https://flowlinks.example.org/chat/\(workshop.code)"))
            #expect(page.text.contains("<svg"))
            #expect(page.text.contains("Riverside Family Services: Parent Cafe"))
            #expect(page.text.contains("<strong class=\"mark member\">M×2</strong><strong class=\"mark partner\">P×2</strong>"))
            let query = "organization=riverside%20family%20services&initiative=Parent%20Cafe"
            let report = try await browser.get("/facilitator/workshops/\(workshop.code)/team?\(query)", client)
            #expect(report.status == .ok)
            #expect(report.text.contains("Team recommendation: 4. Involving"))
            #expect(!report.text.contains("/facilitator/sessions/"), "the printed report names and links no one")
            let live = try await browser.get("/facilitator/workshops/\(workshop.code)/live", client).text
            #expect(live.contains("<meta http-equiv=\"refresh\" content=\"5\">"))
            #expect(live.contains("<dd id=\"finished\">7</dd>"))
            let csv = try await browser.get("/facilitator/workshops/\(workshop.code)/export.csv", client).text
            #expect(
                csv.contains("Riverside Family Services,Parent Cafe,3,2,decisions,2 4 4,1 2,4,1,2,members_apart partners_below"))
            let markdown = try await browser.get("/facilitator/workshops/\(workshop.code)/export.md", client).text
            #expect(markdown.contains("## Riverside Family Services: Parent Cafe"))
            let partner = try #require(try await Self.teams(server, code: workshop.code).last?.partners.first?.sessionID)
            let session = try await browser.get("/facilitator/sessions/\(partner)", client).text
            #expect(
                session.contains(
                    "<p class=\"question\">How does information about Parent Cafe reach you from Riverside Family Services?"))
            #expect(session.contains("<p class=\"question\">Are you answering as a member of the organization"))
            let missing = try await browser.get("/facilitator/workshops/ABCDEF", client)
            #expect(missing.status == .notFound)
        }
    }

    @Test func aFacilitatorCreatesAWorkshopOnThePage() async throws {
        let (server, _) = try await Self.server()
        try await server.test { client in
            var browser = Browser()
            try await browser.signIn(client)
            let list = try await browser.get("/facilitator/workshops", client)
            let token = try #require(Browser.formToken(in: list))
            let created = try await browser.post(
                "/facilitator/workshops",
                [
                    ("csrf", token), ("name", "Autumn <b>review</b>"), ("organizations", "A\r\nB\r\n a "), ("initiatives", ""),
                    ("closes", "2027-04-30"), ("follows", ""),
                ], client)
            #expect(created.status == .seeOther)
            let location = try #require(created.headers[.location])
            let page = try await browser.get(location, client).text
            #expect(page.contains("Autumn &lt;b&gt;review&lt;/b&gt;"))
            let empty = try await browser.post("/facilitator/workshops", [("csrf", token), ("name", " ")], client)
            #expect(empty.status == .badRequest)
            let badDay = try await browser.post(
                "/facilitator/workshops", [("csrf", token), ("name", "X"), ("closes", "2027-02-30")], client)
            #expect(badDay.status == .badRequest)
        }
        let created = try #require(try await server.database.workshops.workshops().first?.workshop)
        #expect(created.organizations == ["A", "B"])
    }
}

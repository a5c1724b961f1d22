import FlowLinksPlatformFakes
import FlowLinksServer
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@Suite("Discord interactions endpoint")
struct DiscordWebhookTests {
    static func send(
        _ client: some TestClientProtocol, _ server: TestServer, _ body: [UInt8], seed: [UInt8] = SignedRequests.discordSeed
    ) async throws -> TestResponse {
        try await client.post(
            "/webhooks/discord", body, headers: try SignedRequests.discordHeaders(body, at: server.clock.now, seed: seed))
    }

    @Test func aPingGetsAPongAndABadSignatureA401() async throws {
        let server = try TestServer.withAPIPlatforms()
        try await server.test { client in
            let ping = try SignedRequests.data(try SignedRequests.fixture("discord-ping.json"))
            let pong = try await Self.send(client, server, ping)
            #expect(pong.status == .ok)
            #expect(pong.json["type"] as? Int == 1)
            let forged = try await Self.send(client, server, ping, seed: [UInt8](repeating: 9, count: 32))
            #expect(forged.status == .unauthorized)
        }
    }

    @Test func aFollowUpDiscordDoesNotPlaceYetIsTriedAgainSoon() async throws {
        let server = try TestServer.withAPIPlatforms()
        try await server.test { client in
            for (index, text) in ["hi", "Riverside", "Parent Cafe", "skip"].enumerated() {
                try await Self.send(client, server, try SignedRequests.discordCommand(id: "c\(index)", answer: text))
            }
            let yes = try server.buttonValue(option: 1, channel: "discord", conversation: "1029384756102938999")
            try await Self.send(client, server, try SignedRequests.discordButton(id: "b1", value: yes))
        }
        let api = FakePlatformAPI.discord(statuses: [404])
        try await api.run { base in
            let delivery = server.delivery(to: base)
            var delivered = try await delivery.deliverDue()
            #expect(delivered == 0)
            server.clock.advance(0.5)
            delivered = try await delivery.deliverDue()
            #expect(delivered == 1)
        }
        #expect(api.calls.map(\.status) == [404, 200])
    }

    @Test func theCommandAndButtonsAreAnsweredInTheInteractionResponse() async throws {
        let server = try TestServer.withAPIPlatforms()
        try await server.test { client in
            let first = try await Self.send(client, server, try SignedRequests.discordCommand(id: "1", answer: "hi"))
            #expect(first.json["type"] as? Int == 4)
            let content = (first.json["data"] as? [String: Any])?["content"] as? String
            #expect(content?.contains("name of your organization") == true)
            var benefit: TestResponse?
            for (index, text) in ["Riverside", "Parent Cafe", "skip"].enumerated() {
                benefit = try await Self.send(client, server, try SignedRequests.discordCommand(id: "c\(index)", answer: text))
            }
            let question = try #require(benefit?.json["data"] as? [String: Any])
            let yes = try #require(RenderedButton.discord(in: question).first)
            #expect(yes.label == "Yes")
            let press = try await Self.send(client, server, try SignedRequests.discordButton(id: "b1", value: yes.data))
            #expect(press.json["type"] as? Int == 7, "the pressed question is updated")
        }
        let calls = try await server.deliverQueued(to: .discord())
        let next = try #require(calls.first)
        #expect(next.path == "/webhooks/1105555555555555555/aW50ZXJhY3Rpb246MTE4NDQ3MzM5OTIxOTQ1ODIwMDp0b2tlbg")
        #expect(next.authorization == nil, "interaction webhooks need no bot token")
        #expect((next.json["content"] as? String)?.contains("same or similar goals") == true)
        let buttons = (next.json["components"] as? [[String: Any]])?.first?["components"] as? [[String: Any]]
        #expect(buttons?.isEmpty == false)
        let session = try #require(
            try server.database.currentSession(.init(channel: "discord", conversation: "1029384756102938999")))
        let sessionID = try #require(session.id)
        let state = try #require(try server.database.state(ofSession: sessionID))
        #expect(state.answers["benefit"]?.optionID == "yes")
    }
}

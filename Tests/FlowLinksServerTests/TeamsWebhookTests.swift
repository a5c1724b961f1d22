import FlowLinksChannels
import FlowLinksCore
import FlowLinksPlatformFakes
import FlowLinksServer
import FlowLinksTesting
import Foundation
import HummingbirdTesting
import Testing

@Suite("Microsoft Teams through the Bot Framework")
struct TeamsWebhookTests {
    /// Runs a fake identity provider and a fake Bot Connector, and a server set up for Teams with them.
    static func withTeams(
        connector: FakePlatformAPI = .botConnector(),
        _ body: @Sendable @escaping (TestServer, FakeIdentityProvider, String, String) async throws -> Void
    ) async throws {
        let key = try FakeIdentityProvider.SigningKey(id: "key-1")
        let identity = FakeIdentityProvider(published: [key])
        try await identity.run { identityBase in
            try await connector.run { connectorBase in
                let server = try TestServer {
                    $0.teams = TeamsSettings(
                        appID: FakeIdentityProvider.appID, appPassword: FakeIdentityProvider.appPassword,
                        openIDMetadataURL: "\(identityBase)/metadata", tokenURL: "\(identityBase)/token")
                }
                let token = try await FakeIdentityProvider.token(
                    signedBy: key, expires: server.clock.now.addingTimeInterval(3600), serviceURL: connectorBase)
                try await body(server, identity, connectorBase, token)
            }
        }
    }

    static func delivery(_ server: TestServer, identity: String) -> OutboxDelivery {
        let clock = server.clock
        return OutboxDelivery(
            outbox: server.database.outbox,
            senders: [
                "teams": TeamsSender(
                    client: .shared, tokenURL: "\(identity)/token", appID: FakeIdentityProvider.appID,
                    appPassword: FakeIdentityProvider.appPassword, now: { clock.now })
            ],
            maxAttempts: 8, now: { clock.now }, jitter: { 1 })
    }

    @Test func aWholeSessionOverTeamsWithCardPresses() async throws {
        let connector = FakePlatformAPI.botConnector(statuses: [401])
        try await Self.withTeams(connector: connector) { server, identity, service, token in
            let delivery = Self.delivery(server, identity: identity.base)
            try await server.test { client in
                let added = try await client.sendTeams(TeamsRequests.botAdded(id: "u1", serviceURL: service), token: token)
                #expect(added.status == .ok)
                try await delivery.deliverDue()
                #expect(connector.delivered.first?.readable.contains("FlowLinks") == true, "the welcome")
                var firstCard: [String: String]?
                for (index, answer) in SampleAnswers.complete.enumerated() {
                    let asked = connector.delivered.last
                    if let number = Int(answer), let asked, asked.card != nil, number <= asked.buttons.count {
                        let button = asked.buttons[number - 1]
                        firstCard = firstCard ?? button
                        let press = TeamsRequests.message(id: "p\(index)", value: button, serviceURL: service)
                        #expect(await client.status(of: press, token: token) == .ok)
                    } else {
                        let typed = TeamsRequests.message(id: "m\(index)", text: answer, serviceURL: service)
                        #expect(await client.status(of: typed, token: token) == .ok)
                    }
                    try await delivery.deliverDue()
                }
                #expect(firstCard != nil, "some answers were card presses")
                let result = connector.delivered.suffix(3).map(\.readable).joined()
                #expect(result.contains("Recommended level: Involving"))

                let stale = try #require(firstCard)
                let before = connector.delivered.count
                let again = TeamsRequests.message(id: "stale", value: stale, serviceURL: service)
                #expect(await client.status(of: again, token: token) == .ok)
                try await delivery.deliverDue()
                let notice = connector.delivered.dropFirst(before)
                #expect(notice.count == 1 && notice.allSatisfy { $0.card == nil }, "a stale press gets a notice only")
            }
            #expect(connector.calls.first?.status == 401)
            #expect(
                connector.calls.dropFirst().allSatisfy { $0.authorization == "Bearer bot-token-2" },
                "a refused token is fetched again once, then kept")
            #expect(identity.tokensIssued == 2)
            // why: the conversation id is one path segment, its ":" escaped as Microsoft's SDKs escape it.
            #expect(Set(connector.calls.map(\.path)) == ["/v3/conversations/a%3A1personal-chat-with-flowlinks/activities"])
        }
    }

    @Test func aChannelMentionIsReadWithoutTheMention() async throws {
        try await Self.withTeams { server, _, service, token in
            try await server.test { client in
                let message = TeamsRequests.message(
                    id: "c1", text: "status", serviceURL: service, conversation: "19:channel;messageid=1",
                    mentionBot: true)
                #expect(await client.status(of: message, token: token) == .ok)
            }
            let transcript = try server.database.transcriptTexts(channel: "teams", conversation: "19:channel;messageid=1")
            #expect(transcript.first == "status")
        }
    }

    @Test func requestsWithoutAGoodTokenOrForAnotherServiceAreRefused() async throws {
        try await Self.withTeams { server, _, service, token in
            try await server.test { client in
                let message = TeamsRequests.message(id: "x1", text: "hi", serviceURL: service)
                #expect(await client.status(of: message, token: nil) == .unauthorized)
                #expect(await client.status(of: message, token: token + "x") == .unauthorized)
                let elsewhere = TeamsRequests.message(id: "x2", text: "hi", serviceURL: "https://attacker.example/")
                #expect(await client.status(of: elsewhere, token: token) == .unauthorized)
                var edit = TeamsRequests.message(id: "x3", text: "edited", serviceURL: service)
                edit["type"] = "messageUpdate"
                #expect(await client.status(of: edit, token: token) == .ok)
            }
            #expect(try server.database.transcriptTexts(channel: "teams", conversation: TeamsRequests.conversation).isEmpty)
        }
    }
}

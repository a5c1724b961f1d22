import FlowLinksChannels
import FlowLinksCore
import FlowLinksPlatformFakes
import FlowLinksServer
import FlowLinksStore
import FlowLinksTesting
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@Suite("Slack webhooks")
struct SlackWebhookTests {
    static func message(
        _ client: some TestClientProtocol, _ server: TestServer, id: String, text: String
    ) async throws
        -> TestResponse
    {
        let body = try SignedRequests.slackMessage(eventID: id, text: text)
        return try await client.post(
            "/webhooks/slack", body,
            headers: SignedRequests.slackHeaders(body, contentType: "application/json", at: server.clock.now))
    }

    @Test func aDirectMessageIsAcknowledgedEmptyAndAnsweredWithChatPostMessage() async throws {
        let server = try TestServer.withAPIPlatforms()
        try await server.test { client in
            let response = try await Self.message(client, server, id: "Ev1", text: "hi")
            #expect(response.status == .ok)
            #expect(response.body.readableBytes == 0)
        }
        let calls = try await server.deliverQueued(to: .slack())
        #expect(calls.count == 1)
        let call = try #require(calls.first)
        #expect(call.path == "/chat.postMessage")
        #expect(call.authorization == "Bearer \(SignedRequests.slackBotToken)")
        #expect(call.contentType?.hasPrefix("application/json") == true)
        #expect(call.json["channel"] as? String == "D024BE91L")
        #expect((call.json["text"] as? String)?.contains("what is the name of your organization") == true)
        let blocks = try #require(call.json["blocks"] as? [[String: Any]])
        #expect(blocks.first?["type"] as? String == "section")
    }

    @Test func aRetriedEventChangesNothingAndIsSentOnce() async throws {
        let server = try TestServer.withAPIPlatforms()
        try await server.test { client in
            try await Self.message(client, server, id: "Ev1", text: "hi")
            let before = try server.database.rowCounts()
            let body = try SignedRequests.slackMessage(eventID: "Ev1", text: "hi")
            var headers = SignedRequests.slackHeaders(body, contentType: "application/json", at: server.clock.now)
            headers[HTTPField.Name("X-Slack-Retry-Num")!] = "1"
            headers[HTTPField.Name("X-Slack-Retry-Reason")!] = "http_timeout"
            let retry = try await client.post("/webhooks/slack", body, headers: headers)
            #expect(retry.status == .ok)
            #expect(try server.database.rowCounts() == before)
        }
        #expect(try await server.deliverQueued(to: .slack()).count == 1)
    }

    @Test func buttonPressesUpdateTheQuestionAndPostTheNextInOrder() async throws {
        let server = try TestServer.withAPIPlatforms()
        try await server.test { client in
            for (index, text) in ["hi", "Riverside", "Parent Cafe", "skip"].enumerated() {
                try await Self.message(client, server, id: "Ev\(index)", text: text)
            }
            let yes = try server.buttonValue(option: 1, channel: "slack", conversation: "T061EG9R6/D024BE91L")
            let press = try SignedRequests.slackButton(value: yes, ts: "1700000000.000400", actionTS: "1700000001.1")
            let response = try await client.post(
                "/webhooks/slack", press,
                headers: SignedRequests.slackHeaders(
                    press, contentType: "application/x-www-form-urlencoded", at: server.clock.now))
            #expect(response.status == .ok)
        }
        let calls = try await server.deliverQueued(to: .slack())
        #expect(calls.map(\.path).suffix(2) == ["/chat.update", "/chat.postMessage"])
        let update = calls[calls.count - 2].json
        #expect(update["ts"] as? String == "1700000000.000400")
        let next = calls[calls.count - 1].json
        #expect((next["text"] as? String)?.contains("same or similar goals") == true)
        let values = RenderedButton.slack(in: next).map(\.data)
        #expect(values.count == 4)
        #expect(values.allSatisfy { $0.hasSuffix(":shared_goals") }, "each button names the question it answers")
    }

    @Test func theSlashCommandIsAnsweredInTheResponse() async throws {
        let server = try TestServer.withAPIPlatforms()
        try await server.test { client in
            let form = PlatformRequests.formEncoded([
                ("team_id", "T1"), ("channel_id", "C2"), ("user_id", "U3"), ("command", "/flowlinks"), ("text", "start"),
                ("trigger_id", "1.2.3"),
            ])
            let body = Array(form.utf8)
            let response = try await client.post(
                "/webhooks/slack", body,
                headers: SignedRequests.slackHeaders(
                    body, contentType: "application/x-www-form-urlencoded", at: server.clock.now))
            #expect(response.status == .ok)
            #expect(response.json["response_type"] as? String == "in_channel")
            #expect((response.json["text"] as? String)?.contains("name of your organization") == true)
        }
        #expect(try await server.deliverQueued(to: .slack()).isEmpty)
    }

    @Test func urlVerificationIsAnsweredWithTheChallenge() async throws {
        let server = try TestServer.withAPIPlatforms()
        try await server.test { client in
            let body = try SignedRequests.data(try SignedRequests.fixture("slack-url-verification.json"))
            let response = try await client.post(
                "/webhooks/slack", body,
                headers: SignedRequests.slackHeaders(body, contentType: "application/json", at: server.clock.now))
            #expect(response.json["challenge"] as? String == "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P")
        }
    }

    @Test func forgedAndStaleRequestsAreRefusedAndChangeNothing() async throws {
        let server = try TestServer.withAPIPlatforms()
        try await server.test { client in
            let body = try SignedRequests.slackMessage(eventID: "Ev1", text: "hi")
            let forged = try await client.post(
                "/webhooks/slack", body,
                headers: SignedRequests.slackHeaders(
                    body, contentType: "application/json", at: server.clock.now, secret: "guess"))
            #expect(forged.status == .unauthorized)
            let stale = try await client.post(
                "/webhooks/slack", body,
                headers: SignedRequests.slackHeaders(
                    body, contentType: "application/json", at: server.clock.now.addingTimeInterval(-301)))
            #expect(stale.status == .unauthorized)
            #expect(stale.json["error"] as? String == "Unauthorized.")
        }
        #expect(try server.database.rowCounts().values.allSatisfy { $0 == 0 })
    }

    @Test(.timeLimit(.minutes(1)))
    func theAcknowledgementDoesNotWaitForDelivery() async throws {
        let api = FakePlatformAPI.slack()
        api.hold()
        try await api.run { base in
            var configured = try TestServer.withAPIPlatforms()
            configured.senders = [
                "slack": SlackSender(client: .shared, baseURL: base, botToken: SignedRequests.slackBotToken)
            ]
            let server = configured
            try await server.application.test(.live) { client in
                // why: the platform API answers nothing until released; the webhook is answered anyway.
                let response = try await Self.message(client, server, id: "Ev1", text: "hi")
                #expect(response.status == .ok)
                api.release()
                let call = await api.nextCall()
                #expect(call?.path == "/chat.postMessage")
            }
        }
    }
}

@Suite("Slack delivery")
struct SlackDeliveryTests {
    @Test func aRateLimitedPostWaitsForRetryAfterThenIsSentOnce() async throws {
        let server = try TestServer.withAPIPlatforms()
        try await server.test { client in
            try await SlackWebhookTests.message(client, server, id: "Ev1", text: "hi")
        }
        let api = FakePlatformAPI.slack(statuses: [429], retryAfter: 3)
        try await api.run { base in
            let delivery = server.delivery(to: base)
            var delivered = try await delivery.deliverDue()
            #expect(delivered == 0)
            server.clock.advance(2.9)
            delivered = try await delivery.deliverDue()
            #expect(delivered == 0)
            server.clock.advance(0.1)
            delivered = try await delivery.deliverDue()
            #expect(delivered == 1)
        }
        #expect(api.calls.map(\.status) == [429, 200])
    }

    @Test func slacksOkFalseIsAFailureNotADelivery() async throws {
        let server = try TestServer.withAPIPlatforms()
        try await server.test { client in
            try await SlackWebhookTests.message(client, server, id: "Ev1", text: "hi")
        }
        let api = FakePlatformAPI(answer: { _ in #"{"ok":false,"error":"channel_not_found"}"# })
        try await api.run { base in
            let delivered = try await server.delivery(to: base).deliverDue()
            #expect(delivered == 0)
        }
        let failed = try await server.database.outbox.failedDeliveries()
        #expect(failed.first?.lastError == "Slack: channel_not_found")
    }
}

@Suite("The outbox across platforms")
struct OutboxConcurrencyTests {
    @Test(.timeLimit(.minutes(1)))
    func aSlowPlatformDoesNotHoldOtherConversationsBack() async throws {
        let server = try TestServer.withAPIPlatforms()
        try await server.test { client in
            try await SlackWebhookTests.message(client, server, id: "Ev1", text: "hi")
            try await WhatsAppWebhookTests.send(client, try SignedRequests.whatsappText(id: "wamid.1", text: "hi"))
        }
        let slack = FakePlatformAPI.slack()
        let graph = FakePlatformAPI.graph()
        slack.hold()
        try await slack.run { slackBase in
            try await graph.run { graphBase in
                let clock = server.clock
                let delivery = OutboxDelivery(
                    outbox: server.database.outbox,
                    senders: [
                        "slack": SlackSender(client: .shared, baseURL: slackBase, botToken: SignedRequests.slackBotToken),
                        "whatsapp": WhatsAppSender(
                            client: .shared, baseURL: graphBase, accessToken: SignedRequests.whatsappAccessToken),
                    ],
                    maxAttempts: 3, now: { clock.now })
                let pass = Task { try await delivery.deliverDue() }
                // why: WhatsApp's reply arrives while Slack's call is still unanswered.
                #expect(await graph.nextCall()?.path == "/106540352242922/messages")
                #expect(slack.calls.isEmpty)
                slack.release()
                let delivered = try await pass.value
                #expect(delivered == 2)
            }
        }
    }
}

@Suite("Rate limits on platforms that reply through an API")
struct APIRateLimitTests {
    @Test func aFloodingConversationHearsTheSlowDownNoticeOnce() async throws {
        var limited = try TestServer.withAPIPlatforms()
        limited.config.rateLimitBurst = 2
        limited.config.rateLimitPerMinute = 1
        let server = limited
        let transcriptBeforeFlood = try await server.test { client in
            try await SlackWebhookTests.message(client, server, id: "Ev0", text: "hi")
            try await SlackWebhookTests.message(client, server, id: "Ev1", text: "Riverside")
            let before = try server.database.rowCounts()["transcript"]
            for (index, text) in ["too fast", "even faster", "fastest"].enumerated() {
                let response = try await SlackWebhookTests.message(client, server, id: "Flood\(index)", text: text)
                #expect(response.status == .ok, "Slack is acknowledged whatever the budget")
            }
            return before
        }
        let calls = try await server.deliverQueued(to: .slack())
        let texts = calls.compactMap { $0.json["text"] as? String }
        #expect(texts.count == 3, "two answers and one notice: \(texts)")
        #expect(texts.last?.contains("faster than I can keep up") == true)
        #expect(try server.database.rowCounts()["transcript"] == transcriptBeforeFlood, "refused messages are not turns")
    }

    @Test func aRefusedButtonPressLeavesTheQuestionsButtons() throws {
        let channel = SlackChannel(signingSecret: "s", plainText: PlainText(script: DefaultPrompts.script))
        let event = InboundEvent(
            channel: "slack", eventID: "action:1:2", conversation: "T/D", participant: "U", text: "yes",
            details: SlackDetails(kind: .button, channel: "D", messageTS: "1.2", question: "Q?", chosen: "Yes"))
        let reply = channel.reply(
            to: event, with: [OutboundMessage("Please wait a minute.")], context: ReplyContext(rateLimited: true))
        #expect(reply.followUps.map(\.method) == ["chat.postMessage"])
    }
}

import FlowLinksPlatformFakes
import FlowLinksServer
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@Suite("WhatsApp Cloud API webhooks")
struct WhatsAppWebhookTests {
    static func send(_ client: some TestClientProtocol, _ body: [UInt8]) async throws -> TestResponse {
        try await client.post("/webhooks/whatsapp", body, headers: SignedRequests.whatsappHeaders(body))
    }

    @Test func metasSubscriptionCheckGetsTheChallengeBack() async throws {
        let server = try TestServer.withAPIPlatforms()
        try await server.test { client in
            let good = try await client.execute(
                uri: "/webhooks/whatsapp?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=whatsapp-verify",
                method: .get)
            #expect(good.status == .ok)
            #expect(good.text == "1158201444")
            let wrong = try await client.execute(
                uri: "/webhooks/whatsapp?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=guess", method: .get)
            #expect(wrong.status == .unauthorized)
            #expect(!wrong.text.contains("1158201444"))
        }
    }

    @Test func aTextIsAcknowledgedAndTheReplySentThroughTheGraphAPI() async throws {
        let server = try TestServer.withAPIPlatforms()
        try await server.test { client in
            let response = try await Self.send(client, try SignedRequests.whatsappText(id: "wamid.1", text: "Hello"))
            #expect(response.status == .ok)
            #expect(response.body.readableBytes == 0)
        }
        let calls = try await server.deliverQueued(to: .graph())
        let call = try #require(calls.first)
        #expect(calls.count == 1)
        #expect(call.path == "/106540352242922/messages")
        #expect(call.authorization == "Bearer \(SignedRequests.whatsappAccessToken)")
        #expect(call.json["messaging_product"] as? String == "whatsapp")
        #expect(call.json["to"] as? String == "16505551234")
        #expect(call.json["type"] as? String == "text")
        #expect(((call.json["text"] as? [String: Any])?["body"] as? String)?.contains("name of your organization") == true)
    }

    @Test func aReplyButtonAnswersAndTheNextChoicesComeAsAList() async throws {
        let server = try TestServer.withAPIPlatforms()
        try await server.test { client in
            for (index, text) in ["hi", "Riverside", "Parent Cafe", "skip"].enumerated() {
                try await Self.send(client, try SignedRequests.whatsappText(id: "wamid.\(index)", text: text))
            }
            let yes = try server.buttonValue(option: 1, channel: "whatsapp", conversation: "16505551234")
            try await Self.send(client, try SignedRequests.whatsappButton(id: "wamid.press", value: yes))
        }
        let calls = try await server.deliverQueued(to: .graph())
        let benefit = try #require(calls.first { ($0.json["interactive"] as? [String: Any])?["type"] as? String == "button" })
        #expect(RenderedButton.whatsapp(in: benefit.json).map(\.label) == ["Yes", "Maybe", "No"])
        #expect(RenderedButton.whatsapp(in: benefit.json).allSatisfy { $0.data.hasSuffix(":benefit") })
        let last = try #require(calls.last)
        let interactive = try #require(last.json["interactive"] as? [String: Any])
        #expect((interactive["body"] as? [String: Any])?["text"] as? String != nil)
        #expect(last.body.contains("same or similar goals"))
    }

    @Test func statusCallbacksAndForgedRequestsChangeNothing() async throws {
        let server = try TestServer.withAPIPlatforms()
        try await server.test { client in
            let status = try SignedRequests.data(try SignedRequests.fixture("whatsapp-status.json"))
            #expect(try await Self.send(client, status).status == .ok)
            let body = try SignedRequests.whatsappText(id: "wamid.1", text: "Hello")
            let forged = try await client.post(
                "/webhooks/whatsapp", body, headers: SignedRequests.whatsappHeaders(body, secret: "guess"))
            #expect(forged.status == .unauthorized)
        }
        #expect(try server.database.rowCounts().values.allSatisfy { $0 == 0 })
    }

    @Test func aRedeliveredMessageIsSentOnce() async throws {
        let server = try TestServer.withAPIPlatforms()
        try await server.test { client in
            let body = try SignedRequests.whatsappText(id: "wamid.1", text: "Hello")
            try await Self.send(client, body)
            let before = try server.database.rowCounts()
            #expect(try await Self.send(client, body).status == .ok)
            #expect(try server.database.rowCounts() == before)
        }
        #expect(try await server.deliverQueued(to: .graph()).count == 1)
    }

    @Test(.timeLimit(.minutes(1)))
    func theAcknowledgementDoesNotWaitForDelivery() async throws {
        let api = FakePlatformAPI.graph()
        api.hold()
        try await api.run { base in
            var server = try TestServer.withAPIPlatforms()
            server.senders = [
                "whatsapp": WhatsAppSender(client: .shared, baseURL: base, accessToken: SignedRequests.whatsappAccessToken)
            ]
            try await server.application.test(.live) { client in
                let response = try await Self.send(client, try SignedRequests.whatsappText(id: "wamid.1", text: "hi"))
                #expect(response.status == .ok)
                api.release()
                #expect(await api.nextCall()?.path == "/106540352242922/messages")
            }
        }
    }
}

import FlowLinksChannels
import FlowLinksServer
import FlowLinksStore
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

@Suite("Telegram, Twilio and Mattermost webhooks")
struct PlatformWebhookTests {
    static func server() throws -> TestServer {
        try TestServer { config in
            config.telegram = TelegramSettings(secretToken: PlatformRequests.telegramSecret, botToken: "123:ABC")
            config.twilio = TwilioSettings(authToken: PlatformRequests.twilioToken, publicURL: PlatformRequests.twilioURL)
            config.mattermost = MattermostSettings(token: PlatformRequests.mattermostToken)
        }
    }

    @Test func aTelegramMessageIsAnsweredWithSendMessageInTheResponse() async throws {
        let server = try Self.server()
        try await server.test { client in
            let response = try await client.sendTelegram(PlatformRequests.telegramMessage(update: 1, text: "/start"))
            #expect(response.status == .ok)
            #expect(response.json["method"] as? String == "sendMessage")
            #expect(response.json["chat_id"] as? Int == 4242)
            #expect(response.json["parse_mode"] as? String == "HTML")
            #expect((response.json["text"] as? String)?.contains("what is the name of your organization") == true)
        }
    }

    @Test func aTelegramButtonPressIsAnsweredAndTheQuestionQueued() async throws {
        let server = try Self.server()
        try await server.test { client in
            var benefit: TestResponse?
            for (update, text) in zip(1..., ["hi", "Riverside", "Parent Cafe", "skip"]) {
                benefit = try await client.sendTelegram(PlatformRequests.telegramMessage(update: update, text: text))
            }
            let yes = try #require(benefit?.telegramButtons.first)
            #expect(yes.label == "Yes")
            let press = try await client.sendTelegram(
                PlatformRequests.telegramButton(update: 10, data: yes.data, label: yes.label))
            #expect(press.json["method"] as? String == "answerCallbackQuery")
            #expect(press.json["callback_query_id"] as? String == "cb-10")
        }
        let session = try #require(try server.database.currentSession(.init(channel: "telegram", conversation: "4242")))
        let sessionID = try #require(session.id)
        let state = try #require(try server.database.state(ofSession: sessionID))
        #expect(state.answers["benefit"]?.optionID == "yes")
        let queued = try await server.database.outbox.outboxCalls(withStatus: [.pending], limit: 10).calls
        #expect(queued.map(\.method).sorted() == ["editMessageText", "sendMessage"])
        let edit = String(decoding: queued.first { $0.method == "editMessageText" }?.body ?? Data(), as: UTF8.self)
        #expect(edit.contains(#""text":"question\n\n✓ Yes""#), "the JSON holds the escaped line breaks")
        let next = String(decoding: queued.first { $0.method == "sendMessage" }?.body ?? Data(), as: UTF8.self)
        #expect(next.contains("same or similar goals"))
    }

    @Test func aRetriedTelegramButtonPressQueuesNothingTwice() async throws {
        let server = try Self.server()
        try await server.test { client in
            for (update, text) in zip(1..., ["hi", "Riverside", "Parent Cafe", "skip"]) {
                try await client.sendTelegram(PlatformRequests.telegramMessage(update: update, text: text))
            }
            let press = PlatformRequests.telegramButton(update: 10, data: try server.buttonValue(option: 1))
            try await client.sendTelegram(press)
            let before = try server.database.rowCounts()
            let retry = try await client.sendTelegram(press)
            #expect(retry.json["method"] as? String == "answerCallbackQuery")
            #expect(try server.database.rowCounts() == before)
        }
        #expect(try await server.database.outbox.claimDueDeliveries(at: server.clock.now, lease: 60, limit: 50).count == 1)
    }

    @Test func aForgedTelegramRequestIsRefused() async throws {
        let server = try Self.server()
        try await server.test { client in
            let forged = try await client.sendTelegram(PlatformRequests.telegramMessage(update: 1, text: "hi"), secret: "guess")
            #expect(forged.status == .unauthorized)
        }
        #expect(try server.database.rowCounts()["sessions"] == 0)
    }

    @Test func aSignedTwilioMessageIsAnsweredWithTwiML() async throws {
        let server = try Self.server()
        try await server.test { client in
            let response = try await client.sendTwilio(PlatformRequests.twilioForm(sid: "SM1", body: "Hello"))
            #expect(response.status == .ok)
            #expect(response.headers[.contentType]?.hasPrefix("text/xml") == true)
            #expect(response.text.hasPrefix(#"<?xml version="1.0" encoding="UTF-8"?><Response><Message>"#))
            #expect(response.text.contains("what is the name of your organization?"))
        }
    }

    @Test func whatsappSendersThroughTwilioKeepTheirOwnConversation() async throws {
        let server = try Self.server()
        try await server.test { client in
            try await client.sendTwilio(PlatformRequests.twilioForm(sid: "SM1", from: "whatsapp:+14155550100", body: "Hi"))
            try await client.sendTwilio(PlatformRequests.twilioForm(sid: "SM2", from: "+14155550100", body: "Hi"))
        }
        #expect(try server.database.currentSession(.init(channel: "twilio", conversation: "whatsapp:+14155550100")) != nil)
        #expect(try server.database.currentSession(.init(channel: "twilio", conversation: "+14155550100")) != nil)
    }

    @Test func aTamperedTwilioRequestIsRefused() async throws {
        let server = try Self.server()
        try await server.test { client in
            let fields = PlatformRequests.twilioForm(sid: "SM1", body: "Hello")
            let signature = TwilioSignatureFor.fields(fields)
            var tampered = fields
            tampered[5].value = "Hello!"
            let response = try await client.sendTwilio(tampered, signature: signature)
            #expect(response.status == .unauthorized)
        }
        #expect(try server.database.rowCounts()["sessions"] == 0)
    }

    @Test func aMattermostPostIsAnsweredWithJSON() async throws {
        let server = try Self.server()
        try await server.test { client in
            let form = PlatformRequests.formEncoded([
                ("token", PlatformRequests.mattermostToken), ("channel_id", "ch1"), ("user_id", "u1"), ("post_id", "p1"),
                ("text", "flowlinks hello"), ("trigger_word", "flowlinks"),
            ])
            let response = try await client.execute(
                uri: "/webhooks/mattermost", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: form))
            #expect(response.status == .ok)
            #expect((response.json["text"] as? String)?.contains("name of your organization") == true)
            let forged = try await client.execute(
                uri: "/webhooks/mattermost", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: form.replacingOccurrences(of: "mattermost-token", with: "other")))
            #expect(forged.status == .unauthorized)
        }
    }
}

enum TwilioSignatureFor {
    static func fields(_ fields: [(name: String, value: String)]) -> String {
        FlowLinksChannels.TwilioSignature.expected(
            url: PlatformRequests.twilioURL, parameters: fields, authToken: PlatformRequests.twilioToken)
    }
}

@Suite("Rate limits and retries on platform channels")
struct PlatformRateLimitTests {
    static func server() throws -> TestServer {
        try TestServer { config in
            config.telegram = TelegramSettings(secretToken: PlatformRequests.telegramSecret, botToken: "123:ABC")
            config.rateLimitBurst = 2
            config.rateLimitPerMinute = 1
        }
    }

    @Test func aRateLimitedButtonPressShowsTheNoticeOnTheButton() async throws {
        let server = try Self.server()
        try await server.test { client in
            try await client.sendTelegram(PlatformRequests.telegramMessage(update: 1, text: "hi"))
            try await client.sendTelegram(PlatformRequests.telegramMessage(update: 2, text: "Riverside"))
            let press = try await client.sendTelegram(PlatformRequests.telegramButton(update: 3, data: "back"))
            #expect(press.json["method"] as? String == "answerCallbackQuery")
            #expect(press.json["show_alert"] as? Bool == true)
            #expect((press.json["text"] as? String)?.contains("faster than I can keep up") == true)
        }
        #expect(try await server.database.outbox.claimDueDeliveries(at: server.clock.now, lease: 60, limit: 50).isEmpty)
    }

    @Test func aRetryOfAnAnsweredEventGetsItsReplyEvenOverTheLimit() async throws {
        let server = try Self.server()
        try await server.test { client in
            let first = try await client.sendTelegram(PlatformRequests.telegramMessage(update: 1, text: "hi"))
            try await client.sendTelegram(PlatformRequests.telegramMessage(update: 2, text: "Riverside"))
            let retry = try await client.sendTelegram(PlatformRequests.telegramMessage(update: 1, text: "hi"))
            #expect(retry.text == first.text)
        }
    }

    @Test func slashStartMidSessionShowsWhereThePersonIs() async throws {
        let server = try TestServer {
            $0.telegram = TelegramSettings(secretToken: PlatformRequests.telegramSecret, botToken: "1:x")
        }
        try await server.test { client in
            try await client.sendTelegram(PlatformRequests.telegramMessage(update: 1, text: "/start"))
            try await client.sendTelegram(PlatformRequests.telegramMessage(update: 2, text: "Riverside"))
            let again = try await client.sendTelegram(PlatformRequests.telegramMessage(update: 3, text: "/start"))
            #expect((again.json["text"] as? String)?.contains("question 2 of 13") == true)
        }
    }
}

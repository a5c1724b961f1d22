import FlowLinksServer
import FlowLinksStore
import FlowLinksTesting
import Foundation
import HummingbirdTesting
import Testing

@Suite("How people are invited to a workshop")
struct WorkshopInvitationTests {
    @Test func onlyChannelsThatAreOnAndSetUpAreListed() {
        var config = Config()
        config.host = "0.0.0.0"
        config.webchat = true
        var bare = JoinInstructions(code: "KMPRTV", config: config)
        #expect(bare.ways.isEmpty, "the web chat needs public_base_url; generic is off off loopback")
        #expect(bare.qrText == "join KMPRTV")
        config.publicBaseURL = "https://flowlinks.example.org"
        config.telegram = TelegramSettings(secretToken: "telegram-secret-123456", botToken: "1:x")
        config.telegramBotUsername = "flowlinks_bot"
        config.twilio = TwilioSettings(authToken: "twilio", publicURL: "https://flowlinks.example.org/webhooks/twilio")
        config.whatsappNumber = "+15551234567"
        config.smsNumber = "+15557654321"
        config.slack = SlackSettings(signingSecret: "slack", botToken: "xoxb-1")
        config.discord = DiscordSettings(publicKey: String(repeating: "a", count: 64))
        let all = JoinInstructions(code: "KMPRTV", config: config)
        #expect(all.ways.map(\.channel) == ["Web chat", "Telegram", "WhatsApp", "SMS", "Slack", "Discord"])
        #expect(
            all.ways.compactMap(\.link) == [
                "https://flowlinks.example.org/chat/KMPRTV", "https://t.me/flowlinks_bot?start=KMPRTV",
                "https://wa.me/15551234567?text=join%20KMPRTV",
            ])
        #expect(all.qrText == "https://flowlinks.example.org/chat/KMPRTV")
        #expect(all.ways.contains { $0.text == "Text \"JOIN KMPRTV\" to +15557654321." })
        config.webchat = false
        config.telegram = nil
        bare = JoinInstructions(code: "KMPRTV", config: config)
        #expect(bare.qrText == "https://wa.me/15551234567?text=join%20KMPRTV", "the first link left")
    }

    @Test func theJoinSettingsAreCheckedAtStartUp() throws {
        let config = try ConfigLoader.load(environment: [
            "FLOWLINKS_PUBLIC_BASE_URL": "https://flowlinks.example.org/", "FLOWLINKS_TELEGRAM_BOT_USERNAME": "@flowlinks_bot",
            "FLOWLINKS_WHATSAPP_NUMBER": "+1 555-123-4567",
        ])
        #expect(config.publicBaseURL == "https://flowlinks.example.org")
        #expect(config.telegramBotUsername == "flowlinks_bot")
        #expect(config.whatsappNumber == "+15551234567")
        #expect(throws: ConfigError.self) { try ConfigLoader.load(environment: ["FLOWLINKS_SMS_NUMBER": "555 1234"]) }
        #expect(throws: ConfigError.self) {
            try ConfigLoader.load(environment: ["FLOWLINKS_TELEGRAM_BOT_USERNAME": "no spaces allowed"])
        }
        #expect(throws: ConfigError.self) { try ConfigLoader.load(environment: ["FLOWLINKS_PUBLIC_BASE_URL": "flowlinks.org"]) }
    }

    @Test func theQRCodeIsARealCodeDrawnAsSVG() throws {
        let code = try #require(QRCode(text: "https://flowlinks.example.org/chat/KMPRTV"))
        #expect(code.size == 29, "version 3 at level M holds these 41 bytes")
        let svg = code.svg(label: "QR code: <join>")
        #expect(svg.hasPrefix("<svg") && svg.contains("viewBox=\"0 0 37 37\""))
        #expect(svg.contains("aria-label=\"QR code: &lt;join&gt;\""))
    }

    @Test func aWorkshopsChatLinkStartsTheChatJoinedToIt() async throws {
        let server = try TestServer()
        var generator = SystemRandomNumberGenerator()
        let workshop = try await server.database.workshops.createWorkshop(
            name: "Spring", now: server.clock.now, generator: &generator)
        try await server.test { client in
            var visitor = ChatVisitor()
            visitor.page = try await visitor.browser.get("/chat/\(workshop.code.lowercased())", client).text
            #expect(visitor.field("text") == "join \(workshop.code)")
            #expect(visitor.field("page") == "/chat/\(workshop.code)")
            let common = [("csrf", visitor.field("csrf")), ("message_id", visitor.field("message_id"))]
            let joined = try await visitor.browser.post(
                "/chat", common + [("page", "/chat/\(workshop.code)"), ("text", "join \(workshop.code)")], client)
            #expect(joined.headers[.location] == "/chat/\(workshop.code)#latest")
            let page = try await visitor.browser.get("/chat/\(workshop.code)", client).text
            #expect(page.contains("joined the workshop"))
            #expect(page.contains("as a member of the organization"))
            #expect(!page.contains("Join the workshop \(workshop.code)"), "already in it")
            let bad = try await client.execute(uri: "/chat/not-a-code", method: .get)
            #expect(bad.status == .seeOther)
        }
    }
}

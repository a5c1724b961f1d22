import FlowLinksPlatformFakes
import FlowLinksServer
import FlowLinksTesting
import Foundation
import Logging
import Synchronization
import Testing

/// Keeps every log line, with its metadata, for inspection.
final class RecordingLogHandler: LogHandler, Sendable {
    private let lines = Mutex<[String]>([])
    private let level = Mutex<Logger.Level>(.trace)
    private let storedMetadata = Mutex<Logger.Metadata>([:])

    var logLevel: Logger.Level {
        get { level.withLock { $0 } }
        set { level.withLock { $0 = newValue } }
    }

    var metadata: Logger.Metadata {
        get { storedMetadata.withLock { $0 } }
        set { storedMetadata.withLock { $0 = newValue } }
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { storedMetadata.withLock { $0[key] = newValue } }
    }

    func log(event: LogEvent) {
        let all = metadata.merging(event.metadata ?? [:]) { $1 }
        lines.withLock { $0.append("\(event.level) \(event.message) \(all)") }
    }

    var recorded: [String] { lines.withLock { $0 } }
}

@Suite("What the logs hold")
struct LoggingTests {
    @Test func secretsAndMessageTextStayOutOfTheLogs() async throws {
        let handler = RecordingLogHandler()
        handler.logLevel = .info
        var server = try TestServer {
            $0.generic = GenericSettings(token: "generic-secret-value")
            $0.telegram = TelegramSettings(secretToken: PlatformRequests.telegramSecret, botToken: "999:bot-secret-value")
        }
        server.logger = Logger(label: "test") { _ in handler }
        try await server.test { client in
            try await client.sendGeneric("hello", token: "generic-secret-value")
            try await client.sendGeneric("My private answer", token: "generic-secret-value")
            try await client.sendGeneric("hello", token: "wrong-guess")
            try await client.sendTelegram(PlatformRequests.telegramMessage(update: 1, text: "Another private answer"))
            try await client.sendTelegram(PlatformRequests.telegramMessage(update: 2, text: "x"), secret: "forged")
        }
        let log = handler.recorded.joined(separator: "\n")
        #expect(log.contains("Refused a webhook request"), "the log should say something happened")
        for secret in ["generic-secret-value", PlatformRequests.telegramSecret, "bot-secret-value", "wrong-guess", "forged"] {
            #expect(!log.contains(secret), "\(secret) appeared in the log")
        }
        #expect(!log.contains("private answer"))
    }
}

@Suite("What the outbox logs")
struct OutboxLoggingTests {
    @Test func failedDeliveriesKeepAPITokensOutOfTheLogs() async throws {
        let handler = RecordingLogHandler()
        let server = try TestServer.withAPIPlatforms()
        try await server.test { client in
            try await SlackWebhookTests.message(client, server, id: "Ev1", text: "hi")
            try await WhatsAppWebhookTests.send(client, try SignedRequests.whatsappText(id: "wamid.1", text: "hi"))
        }
        let senders: @Sendable (String) -> [String: any PlatformSender] = { base in
            [
                "slack": SlackSender(client: .shared, baseURL: base, botToken: SignedRequests.slackBotToken),
                "whatsapp": WhatsAppSender(client: .shared, baseURL: base, accessToken: SignedRequests.whatsappAccessToken),
            ]
        }
        let deliver: @Sendable (String) async throws -> Void = { base in
            let clock = server.clock
            let delivery = OutboxDelivery(
                outbox: server.database.outbox, senders: senders(base), maxAttempts: 1,
                logger: Logger(label: "test") { _ in handler }, now: { clock.now })
            try await delivery.deliverDue()
        }
        try await FakePlatformAPI(statuses: [500, 500], answer: { _ in "{}" }).run(deliver)
        let log = handler.recorded.joined(separator: "\n")
        #expect(log.contains("Reply delivery will be retried") || log.contains("Platform refused"))
        #expect(try await server.database.outbox.failedDeliveries().count == 2)
        for secret in [SignedRequests.slackBotToken, SignedRequests.whatsappAccessToken] {
            #expect(!log.contains(secret), "\(secret) appeared in the log")
        }
    }
}

@Suite("No log level prints a secret")
struct SecretsAtEveryLogLevelTests {
    static let secrets = [
        "generic-secret-value", PlatformRequests.telegramSecret, "999:telegram-bot-secret", PlatformRequests.twilioToken,
        PlatformRequests.mattermostToken, SignedRequests.slackSecret, SignedRequests.slackBotToken,
        SignedRequests.whatsappSecret, SignedRequests.whatsappVerifyToken, SignedRequests.whatsappAccessToken,
    ]

    @Test(arguments: Logger.Level.allCases)
    func startingServingAndDeliveringLogsNoSecret(level: Logger.Level) async throws {
        let handler = RecordingLogHandler()
        handler.logLevel = level
        var server = try TestServer {
            $0.generic = GenericSettings(token: "generic-secret-value")
            $0.telegram = TelegramSettings(secretToken: PlatformRequests.telegramSecret, botToken: "999:telegram-bot-secret")
            $0.twilio = TwilioSettings(authToken: PlatformRequests.twilioToken, publicURL: PlatformRequests.twilioURL)
            $0.mattermost = MattermostSettings(token: PlatformRequests.mattermostToken)
            $0.slack = SlackSettings(signingSecret: SignedRequests.slackSecret, botToken: SignedRequests.slackBotToken)
            $0.whatsapp = WhatsAppSettings(
                appSecret: SignedRequests.whatsappSecret, verifyToken: SignedRequests.whatsappVerifyToken,
                accessToken: SignedRequests.whatsappAccessToken)
        }
        // why: real senders, as `serve` builds them, aimed at a closed port on this machine.
        let closed = "http://127.0.0.1:9"
        server.senders = [
            "telegram": TelegramSender(client: .shared, baseURL: closed, botToken: "999:telegram-bot-secret"),
            "slack": SlackSender(client: .shared, baseURL: closed, botToken: SignedRequests.slackBotToken),
            "whatsapp": WhatsAppSender(client: .shared, baseURL: closed, accessToken: SignedRequests.whatsappAccessToken),
        ]
        server.logger = Logger(label: "test") { _ in handler }
        try await server.application.test(.live) { client async throws in
            let challenge = "/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=\(SignedRequests.whatsappVerifyToken)"
            #expect(try await client.execute(uri: challenge + "&hub.challenge=42", method: .get).status == .ok)
            #expect(try await client.sendGeneric("hello", token: "generic-secret-value").status == .ok)
            #expect(try await client.sendTelegram(PlatformRequests.telegramMessage(update: 1, text: "hello")).status == .ok)
        }
        let log = handler.recorded.joined(separator: "\n")
        if level <= .debug {
            #expect(log.contains("/webhooks/whatsapp"), "requests are logged at debug")
            #expect(log.contains("OutboxDelivery(platforms: slack, telegram, whatsapp)"), "services are logged at debug")
        }
        for secret in Self.secrets {
            #expect(!log.contains(secret), "\(secret) appeared in the log at \(level)")
        }
    }

    @Test func aPrintedConfigShowsSecretsOnlyAsSet() {
        var config = Config()
        config.slack = SlackSettings(signingSecret: SignedRequests.slackSecret, botToken: SignedRequests.slackBotToken)
        for printed in [
            "\(config)", String(reflecting: config),
            {
                var text = ""; dump(config, to: &text); return text
            }(),
        ] {
            #expect(!printed.contains(SignedRequests.slackBotToken))
            #expect(printed.contains("slack_bot_token: set") || printed.contains("slack_bot_token: \"set\""), "\(printed)")
        }
    }
}

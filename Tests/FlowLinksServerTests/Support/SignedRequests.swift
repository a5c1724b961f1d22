import Crypto
import FlowLinksChannels
import FlowLinksPlatformFakes
import FlowLinksServer
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore

/// Slack, WhatsApp and Discord webhooks built from the real payloads in the channel tests'
/// `Fixtures/`, changed where a test needs other words, and signed the way each platform signs.
enum SignedRequests {
    static let slackSecret = "slack-signing-secret"
    static let slackBotToken = "xoxb-test-token"
    static let whatsappSecret = "whatsapp-app-secret"
    static let whatsappVerifyToken = "whatsapp-verify"
    static let whatsappAccessToken = "EAAG-test-token"
    static let discordSeed = [UInt8](repeating: 3, count: 32)
    static let discordPublicKey =
        (try? Curve25519.Signing.PrivateKey(rawRepresentation: discordSeed))?.publicKey
        .rawRepresentation.map { String(format: "%02x", $0) }.joined() ?? ""

    /// A fixture of the channel tests, as a JSON object.
    static func fixture(_ name: String) throws -> [String: Any] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("FlowLinksChannelsTests/Fixtures/\(name)")
        return try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any] ?? [:]
    }

    static func data(_ object: [String: Any]) throws -> [UInt8] { Array(try JSONSerialization.data(withJSONObject: object)) }

    /// The direct-message fixture with another event id and text.
    static func slackMessage(eventID: String, text: String) throws -> [UInt8] {
        var envelope = try fixture("slack-message-im.json")
        var event = envelope["event"] as? [String: Any] ?? [:]
        event["text"] = text
        envelope["event"] = event
        envelope["event_id"] = eventID
        return try data(envelope)
    }

    /// The button-press fixture pressing `value`, labelled `label`, on the message `ts`.
    static func slackButton(value: String, ts: String, actionTS: String, label: String = "Yes") throws -> [UInt8] {
        var payload = try fixture("slack-block-actions.json")
        var action = (payload["actions"] as? [[String: Any]])?.first ?? [:]
        action["value"] = value
        action["action_ts"] = actionTS
        action["text"] = ["type": "plain_text", "text": label]
        payload["actions"] = [action]
        var message = payload["message"] as? [String: Any] ?? [:]
        message["ts"] = ts
        payload["message"] = message
        let json = String(decoding: try data(payload), as: UTF8.self)
        return Array(PlatformRequests.formEncoded([("payload", json)]).utf8)
    }

    static func slackHeaders(_ body: [UInt8], contentType: String, at date: Date, secret: String = slackSecret) -> HTTPFields {
        let stamp = String(Int(date.timeIntervalSince1970))
        let signature = "v0=" + Signature.hmacSHA256Hex(Array("v0:\(stamp):".utf8) + body, secret: secret)
        return [
            .contentType: contentType, HTTPField.Name("X-Slack-Request-Timestamp")!: stamp,
            HTTPField.Name("X-Slack-Signature")!: signature,
        ]
    }

    /// The text fixture with another message id and text.
    static func whatsappText(id: String, text: String) throws -> [UInt8] {
        try whatsapp(id: id) { message in
            message["type"] = "text"
            message["text"] = ["body": text]
        }
    }

    /// The button-reply fixture pressing `value`, titled `title`.
    static func whatsappButton(id: String, value: String, title: String = "Yes") throws -> [UInt8] {
        try whatsapp(id: id, fixture: "whatsapp-button-reply.json") { message in
            message["interactive"] = ["type": "button_reply", "button_reply": ["id": value, "title": title]]
        }
    }

    private static func whatsapp(
        id: String, fixture name: String = "whatsapp-text.json", change: (inout [String: Any]) -> Void
    ) throws -> [UInt8] {
        var notification = try fixture(name)
        var entry = (notification["entry"] as? [[String: Any]])?.first ?? [:]
        var changeObject = (entry["changes"] as? [[String: Any]])?.first ?? [:]
        var value = changeObject["value"] as? [String: Any] ?? [:]
        var message = (value["messages"] as? [[String: Any]])?.first ?? [:]
        message["id"] = id
        change(&message)
        value["messages"] = [message]
        changeObject["value"] = value
        entry["changes"] = [changeObject]
        notification["entry"] = [entry]
        return try data(notification)
    }

    static func whatsappHeaders(_ body: [UInt8], secret: String = whatsappSecret) -> HTTPFields {
        [
            .contentType: "application/json",
            HTTPField.Name("X-Hub-Signature-256")!: "sha256=" + Signature.hmacSHA256Hex(body, secret: secret),
        ]
    }

    /// The command fixture with another interaction id and answer.
    static func discordCommand(id: String, answer: String) throws -> [UInt8] {
        var interaction = try fixture("discord-command.json")
        interaction["id"] = id
        interaction["data"] = [
            "id": "1", "name": "flowlinks", "type": 1, "options": [["name": "answer", "type": 3, "value": answer]],
        ]
        return try data(interaction)
    }

    /// The button fixture pressing `value`, on `message` (its content and buttons) when given.
    static func discordButton(id: String, value: String, on message: [String: Any]? = nil) throws -> [UInt8] {
        var interaction = try fixture("discord-component.json")
        interaction["id"] = id
        interaction["data"] = ["custom_id": value, "component_type": 2]
        if let message {
            interaction["message"] = ["content": message["content"] ?? "", "components": message["components"] ?? []]
        }
        return try data(interaction)
    }

    static func discordHeaders(_ body: [UInt8], at date: Date, seed: [UInt8] = discordSeed) throws -> HTTPFields {
        let stamp = String(Int(date.timeIntervalSince1970))
        let signature = try Curve25519.Signing.PrivateKey(rawRepresentation: seed).signature(for: Array(stamp.utf8) + body)
        return [
            .contentType: "application/json",
            HTTPField.Name("X-Signature-Ed25519")!: signature.map { String(format: "%02x", $0) }.joined(),
            HTTPField.Name("X-Signature-Timestamp")!: stamp,
        ]
    }
}

extension TestClientProtocol {
    @discardableResult
    func post(_ path: String, _ body: [UInt8], headers: HTTPFields) async throws -> TestResponse {
        try await execute(uri: path, method: .post, headers: headers, body: ByteBuffer(bytes: body))
    }
}

extension TestServer {
    /// A server with Slack, WhatsApp and Discord turned on.
    static func withAPIPlatforms() throws -> TestServer {
        try TestServer { config in
            config.slack = SlackSettings(signingSecret: SignedRequests.slackSecret, botToken: SignedRequests.slackBotToken)
            config.whatsapp = WhatsAppSettings(
                appSecret: SignedRequests.whatsappSecret, verifyToken: SignedRequests.whatsappVerifyToken,
                accessToken: SignedRequests.whatsappAccessToken)
            config.discord = DiscordSettings(publicKey: SignedRequests.discordPublicKey)
        }
    }

    /// An outbox worker sending every platform's calls to one fake API at `base`.
    func delivery(to base: String, maxAttempts: Int = 8) -> OutboxDelivery {
        let clock = self.clock
        return OutboxDelivery(
            outbox: database.outbox,
            senders: [
                "slack": SlackSender(client: .shared, baseURL: base, botToken: SignedRequests.slackBotToken),
                "whatsapp": WhatsAppSender(client: .shared, baseURL: base, accessToken: SignedRequests.whatsappAccessToken),
                "discord": DiscordSender(client: .shared, baseURL: base),
            ],
            maxAttempts: maxAttempts, now: { clock.now }, jitter: { 1 })
    }

    /// Delivers everything queued to `api` and returns the calls it received.
    func deliverQueued(to api: FakePlatformAPI) async throws -> [FakePlatformAPI.Call] {
        try await api.run { base in
            try await delivery(to: base).deliverDue()
        }
        return api.calls
    }
}

import FlowLinksChannels
import FlowLinksCore
import FlowLinksStore
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

/// Webhook requests as Telegram, Twilio and Mattermost send them.
enum PlatformRequests {
    static let telegramSecret = "telegram-secret_123"
    static let twilioToken = "twilio-auth-token"
    static let twilioURL = "https://bot.example.org/webhooks/twilio"
    static let mattermostToken = "mattermost-token"

    static func telegramMessage(update: Int, chat: Int = 4242, text: String) -> String {
        #"{"update_id":\#(update),"message":{"message_id":\#(update),"from":{"id":77,"is_bot":false,"first_name":"Sam"},"chat":{"id":\#(chat),"type":"private"},"date":1800000000,"text":"\#(text)"}}"#
    }

    /// A press of the button sending `data`, on a message showing the button as `label`.
    static func telegramButton(update: Int, chat: Int = 4242, data: String, label: String = "Yes") -> String {
        let markup = #"{"inline_keyboard":[[{"text":"\#(label)","callback_data":"\#(data)"}]]}"#
        return
            #"{"update_id":\#(update),"callback_query":{"id":"cb-\#(update)","from":{"id":77,"is_bot":false,"first_name":"Sam"},"message":{"message_id":9,"chat":{"id":\#(chat),"type":"private"},"date":1800000000,"text":"question","reply_markup":\#(markup)},"chat_instance":"1","data":"\#(data)"}}"#
    }

    static func twilioForm(sid: String, from: String = "+14155550100", body: String) -> [(name: String, value: String)] {
        [
            ("MessageSid", sid), ("SmsMessageSid", sid), ("AccountSid", "AC123"), ("From", from), ("To", "+14155550199"),
            ("Body", body), ("NumMedia", "0"),
        ]
    }

    static func formEncoded(_ fields: [(name: String, value: String)]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._*")
        return fields.map { name, value in
            "\(name)=\(value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value)"
        }.joined(separator: "&")
    }
}

extension TestServer {
    /// The value the bot puts on button `option` of the question a conversation is on now, for
    /// tests whose subject is what a press leads to rather than the button itself.
    func buttonValue(option: Int, channel: String = "telegram", conversation: String = "4242") throws -> String {
        let session = try #require(try database.currentSession(ConversationKey(channel: channel, conversation: conversation)))
        let sessionID = try #require(session.id)
        let step = try #require(try database.state(ofSession: sessionID)?.currentStep)
        return ChoicePress(sessionID: sessionID, question: .step(step), option: option).token
    }
}

extension TestClientProtocol {
    @discardableResult
    func sendTelegram(_ json: String, secret: String = PlatformRequests.telegramSecret) async throws -> TestResponse {
        try await execute(
            uri: "/webhooks/telegram", method: .post,
            headers: [.contentType: "application/json", HTTPField.Name("X-Telegram-Bot-Api-Secret-Token")!: secret],
            body: ByteBuffer(string: json))
    }

    @discardableResult
    func sendTwilio(_ fields: [(name: String, value: String)], signature: String? = nil) async throws -> TestResponse {
        let signed =
            signature
            ?? TwilioSignature.expected(
                url: PlatformRequests.twilioURL, parameters: fields, authToken: PlatformRequests.twilioToken)
        return try await execute(
            uri: "/webhooks/twilio", method: .post,
            headers: [.contentType: "application/x-www-form-urlencoded", HTTPField.Name("X-Twilio-Signature")!: signed],
            body: ByteBuffer(string: PlatformRequests.formEncoded(fields)))
    }
}

/// A button as a platform shows it: its label and the value a press sends back.
struct RenderedButton: Equatable {
    let label: String
    let data: String
}

extension TestResponse {
    /// The buttons of the Telegram message in the webhook's response.
    var telegramButtons: [RenderedButton] { RenderedButton.telegram(in: json) }
}

extension RenderedButton {
    /// The buttons of a Telegram `sendMessage` body.
    static func telegram(in body: [String: Any]) -> [RenderedButton] {
        let rows = (body["reply_markup"] as? [String: Any])?["inline_keyboard"] as? [[[String: Any]]] ?? []
        return rows.joined().compactMap { button in
            guard let label = button["text"] as? String, let data = button["callback_data"] as? String else { return nil }
            return RenderedButton(label: label, data: data)
        }
    }

    /// The buttons of a Discord message (`data` of an interaction response, or a follow-up's message).
    static func discord(in message: [String: Any]) -> [RenderedButton] {
        let rows = message["components"] as? [[String: Any]] ?? []
        return rows.flatMap { $0["components"] as? [[String: Any]] ?? [] }.compactMap { button in
            guard let label = button["label"] as? String, let data = button["custom_id"] as? String else { return nil }
            return RenderedButton(label: label, data: data)
        }
    }

    /// The buttons of a Slack `chat.postMessage` body.
    static func slack(in body: [String: Any]) -> [RenderedButton] {
        let blocks = body["blocks"] as? [[String: Any]] ?? []
        return blocks.flatMap { $0["elements"] as? [[String: Any]] ?? [] }.compactMap { button in
            guard let label = (button["text"] as? [String: Any])?["text"] as? String, let data = button["value"] as? String
            else { return nil }
            return RenderedButton(label: label, data: data)
        }
    }

    /// The reply buttons of a WhatsApp interactive message.
    static func whatsapp(in body: [String: Any]) -> [RenderedButton] {
        let action = (body["interactive"] as? [String: Any])?["action"] as? [String: Any]
        return (action?["buttons"] as? [[String: Any]] ?? []).compactMap { button in
            let reply = button["reply"] as? [String: Any]
            guard let label = reply?["title"] as? String, let data = reply?["id"] as? String else { return nil }
            return RenderedButton(label: label, data: data)
        }
    }
}

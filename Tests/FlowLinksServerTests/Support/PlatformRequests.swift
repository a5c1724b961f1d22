import FlowLinksChannels
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore

/// Webhook requests as Telegram, Twilio and Mattermost send them.
enum PlatformRequests {
    static let telegramSecret = "telegram-secret_123"
    static let twilioToken = "twilio-auth-token"
    static let twilioURL = "https://bot.example.org/webhooks/twilio"
    static let mattermostToken = "mattermost-token"

    static func telegramMessage(update: Int, chat: Int = 4242, text: String) -> String {
        #"{"update_id":\#(update),"message":{"message_id":\#(update),"from":{"id":77,"is_bot":false,"first_name":"Sam"},"chat":{"id":\#(chat),"type":"private"},"date":1800000000,"text":"\#(text)"}}"#
    }

    static func telegramButton(update: Int, chat: Int = 4242, data: String) -> String {
        #"{"update_id":\#(update),"callback_query":{"id":"cb-\#(update)","from":{"id":77,"is_bot":false,"first_name":"Sam"},"message":{"message_id":9,"chat":{"id":\#(chat),"type":"private"},"date":1800000000,"text":"question"},"chat_instance":"1","data":"\#(data)"}}"#
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

import Foundation

/// How to join a workshop on each channel the server has on and is set up to invite to: the
/// web chat link, Telegram's deep link, WhatsApp click-to-chat, the SMS number, the Slack,
/// Discord and Mattermost commands and the generic request.
public struct JoinInstructions: Sendable {
    /// One way to join.
    public struct Way: Sendable, Equatable {
        public let channel: String
        public let text: String
        /// A link that opens the chat with the code filled in, where the platform has one.
        public let link: String?
        /// What to do with the link, for a page that shows the link itself.
        public var hint: String? = nil
    }

    public let code: String
    public let ways: [Way]

    /// What a person types in any chat: `join CODE`.
    public var joinText: String { "join \(code)" }

    /// What the QR code holds: the first link (the web chat, else Telegram, else WhatsApp), else
    /// the join text.
    public var qrText: String { ways.compactMap(\.link).first ?? joinText }

    public init(code: String, config: Config) {
        self.code = code
        let on = Set(config.enabledChannels)
        let join = "join \(code)"
        var ways: [Way] = []
        if on.contains("webchat"), let base = config.publicBaseURL {
            let link = "\(base)/chat/\(code)"
            ways.append(Way(channel: "Web chat", text: "Open \(link) in a browser.", link: link, hint: "Open it in a browser."))
        }
        if on.contains("telegram"), let bot = config.telegramBotUsername {
            let link = "https://t.me/\(bot)?start=\(code)"
            ways.append(
                Way(
                    channel: "Telegram", text: "Open \(link) and press Start, or send \"\(join)\" to @\(bot).", link: link,
                    hint: "Press Start, or send \"\(join)\" to @\(bot)."))
        }
        if on.contains("whatsapp") || on.contains("twilio"), let number = config.whatsappNumber {
            let link = "https://wa.me/\(number.dropFirst())?text=\(join.replacingOccurrences(of: " ", with: "%20"))"
            ways.append(
                Way(
                    channel: "WhatsApp", text: "Open \(link), or send \"\(join)\" to \(number).", link: link,
                    hint: "Or send \"\(join)\" to \(number)."))
        }
        if on.contains("twilio"), let number = config.smsNumber {
            ways.append(Way(channel: "SMS", text: "Text \"JOIN \(code)\" to \(number).", link: nil))
        }
        if on.contains("slack") { ways.append(Way(channel: "Slack", text: "Type /flowlinks \(join)", link: nil)) }
        if on.contains("discord") { ways.append(Way(channel: "Discord", text: "Type /flowlinks answer:\(join)", link: nil)) }
        if on.contains("mattermost") {
            ways.append(Way(channel: "Mattermost", text: "Write \"\(join)\" in the FlowLinks channel.", link: nil))
        }
        if on.contains("generic") {
            ways.append(
                Way(
                    channel: "Generic webhook",
                    text: "POST /webhooks/generic with {\"conversation\": \"…\", \"message_id\": \"…\", \"text\": \"\(join)\"}",
                    link: nil))
        }
        self.ways = ways
    }
}

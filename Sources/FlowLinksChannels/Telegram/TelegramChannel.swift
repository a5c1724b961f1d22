import FlowLinksCore
import Foundation

/// Telegram bots: updates arrive by webhook with a secret-token header; the reply goes back in the
/// webhook response as a Bot API method, or through the outbox when it cannot (button presses,
/// replies longer than one message).
public struct TelegramChannel: Channel {
    public let name = "telegram"
    let secretToken: String
    let layout: ChoiceLayout

    /// Telegram's limit for one message's text.
    static let messageLimit = 4096
    /// Telegram's limit for the notice shown when answering a button press.
    static let callbackNoticeLimit = 200
    /// Telegram's limit for a button's callback data, in bytes.
    static let callbackDataLimit = 64

    public init(secretToken: String, plainText: PlainText) {
        self.secretToken = secretToken
        // why: Telegram puts no limit on a button's text that a readable label comes near.
        self.layout = ChoiceLayout(plainText: plainText, buttonLabelLimit: 256)
    }

    public func receive(_ request: ChannelRequest) throws(ChannelError) -> ChannelInbound {
        guard ConstantTime.equals(request.header("x-telegram-bot-api-secret-token"), secretToken) else {
            throw .unauthorized
        }
        guard request.mediaType == "application/json" else { throw .unsupportedMediaType("application/json") }
        guard String(validating: request.body, as: UTF8.self) != nil else { throw .badRequest("The body is not valid UTF-8.") }
        let update: TelegramUpdate
        do {
            update = try JSONDecoder().decode(TelegramUpdate.self, from: Data(request.body))
        } catch {
            throw .badRequest("The body is not a Telegram update.")
        }
        let eventID = String(update.updateID)
        if let query = update.callbackQuery, let message = query.message {
            let data = query.data ?? ""
            let chosen = message.label(of: data) ?? data
            return .event(
                InboundEvent(
                    channel: name, eventID: eventID, conversation: String(message.chat.id),
                    participant: String(query.from.id), text: chosen, press: ButtonPress(value: data),
                    details: TelegramDetails(
                        chatID: message.chat.id,
                        press: .init(
                            callbackQueryID: query.id, messageID: message.messageID, question: message.text ?? "",
                            chosen: chosen)),
                    locale: query.from.languageCode))
        }
        if let message = update.message {
            return .event(
                InboundEvent(
                    channel: name, eventID: eventID, conversation: String(message.chat.id),
                    participant: message.from.map { String($0.id) }, text: Self.withoutBotName(message.text ?? ""),
                    details: TelegramDetails(chatID: message.chat.id), locale: message.from?.languageCode))
        }
        // why: edits, joins and other updates carry nothing to answer; acknowledge so Telegram stops.
        return .respond(.acknowledged)
    }

    public func reply(to event: InboundEvent, with replies: [OutboundMessage], context: ReplyContext) -> ChannelReply {
        let details = event.details(as: TelegramDetails.self)
        let chatID = details?.chatID ?? Int64(event.conversation) ?? 0
        let keyboard = replies.last.flatMap { self.keyboard(for: $0, context: context) }
        let text = replies.map(layout.text(of:)).joined(separator: "\n\n")
        let parts = TextSplitter(limit: Self.messageLimit).split(text)
        let messages = parts.enumerated().map { index, part in
            SendMessage(
                method: nil, chatID: chatID, text: Escaping.html(part),
                replyMarkup: index == parts.count - 1 ? keyboard : nil)
        }
        if let callbackID = details?.press?.callbackQueryID, context.isNotice {
            // why: a press refused for going too fast or for belonging to another question changed
            // nothing: the notice rides on the answer itself, and the pressed question stays as it is.
            let notice = String(text.prefix(Self.callbackNoticeLimit))
            let answer = AnswerCallbackQuery(
                method: "answerCallbackQuery", callbackQueryID: callbackID, text: notice, showAlert: true)
            return ChannelReply(response: .json(JSONBody.encode(answer)))
        }
        if let press = details?.press {
            // why: a button press is answered at once; the pressed question loses its buttons, so
            // it cannot answer a later question, and the next question follows through the outbox.
            let answer = AnswerCallbackQuery(method: "answerCallbackQuery", callbackQueryID: press.callbackQueryID)
            let edit = markAnswered(press, chatID: chatID).map { [$0] } ?? []
            return ChannelReply(response: .json(JSONBody.encode(answer)), followUps: edit + messages.map(call))
        }
        guard messages.count == 1, var only = messages.first else {
            return ChannelReply(response: .acknowledged, followUps: messages.map(call))
        }
        only.method = "sendMessage"
        return ChannelReply(response: .json(JSONBody.encode(only)))
    }

    private func keyboard(for message: OutboundMessage, context: ReplyContext) -> InlineKeyboard? {
        guard !message.choices.isEmpty else { return nil }
        return InlineKeyboard(
            inlineKeyboard: message.choices.map { choice in
                let value = context.buttonValue(for: choice)
                let data = value.utf8.count <= Self.callbackDataLimit ? value : String(choice.number)
                return [.init(text: layout.buttonLabel(for: choice, among: message.choices), callbackData: data)]
            })
    }

    /// `editMessageText` of the pressed question: its text and the choice made, without buttons.
    private func markAnswered(_ press: TelegramDetails.Press, chatID: Int64) -> PlatformCall? {
        guard let messageID = press.messageID else { return nil }
        let question = press.question
        let chosen = "✓ " + press.chosen
        // why: Telegram sends the question back as plain text; it is escaped again for HTML.
        let text = ChoiceLayout.clip(question.isEmpty ? chosen : question + "\n\n" + chosen, to: Self.messageLimit)
        let edit = EditMessageText(chatID: chatID, messageID: messageID, text: Escaping.html(text))
        return PlatformCall(channel: name, method: "editMessageText", body: JSONBody.encode(edit))
    }

    private func call(_ message: SendMessage) -> PlatformCall {
        PlatformCall(channel: name, method: "sendMessage", body: JSONBody.encode(message))
    }

    /// "/status@FlowLinksBot" → "/status": group chats add the bot's name to commands.
    static func withoutBotName(_ text: String) -> String {
        guard text.hasPrefix("/") else { return text }
        let commandEnd = text.firstIndex(of: " ") ?? text.endIndex
        guard let at = text[..<commandEnd].firstIndex(of: "@") else { return text }
        return String(text[..<at]) + String(text[commandEnd...])
    }
}

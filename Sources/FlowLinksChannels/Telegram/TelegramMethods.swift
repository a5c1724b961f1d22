/// Bot API `sendMessage`, in HTML parse mode.
struct SendMessage: Encodable {
    /// Set when the method is returned in the webhook response; absent in an API call's body.
    var method: String?
    let chatID: Int64
    let text: String
    let parseMode = "HTML"
    let replyMarkup: InlineKeyboard?

    enum CodingKeys: String, CodingKey {
        case method, text
        case chatID = "chat_id"
        case parseMode = "parse_mode"
        case replyMarkup = "reply_markup"
    }
}

/// Bot API `answerCallbackQuery`: stops the spinner on the pressed button.
struct AnswerCallbackQuery: Encodable {
    let method: String
    let callbackQueryID: String
    /// A notice shown over the chat, when the press itself needs an answer in words.
    var text: String?
    var showAlert: Bool?

    enum CodingKeys: String, CodingKey {
        case method, text
        case callbackQueryID = "callback_query_id"
        case showAlert = "show_alert"
    }
}

/// Buttons under a message; each row holds one button so long labels stay readable on a phone.
/// Decoded too: a button press carries the message with the buttons it had.
struct InlineKeyboard: Codable {
    struct Button: Codable {
        let text: String
        /// What a press sends back; absent on buttons that are links.
        let callbackData: String?

        enum CodingKeys: String, CodingKey {
            case text
            case callbackData = "callback_data"
        }
    }

    let inlineKeyboard: [[Button]]

    enum CodingKeys: String, CodingKey {
        case inlineKeyboard = "inline_keyboard"
    }
}

/// Bot API `editMessageText`: the pressed question, its buttons replaced by the choice made.
struct EditMessageText: Encodable {
    let chatID: Int64
    let messageID: Int64
    let text: String
    let parseMode = "HTML"

    enum CodingKeys: String, CodingKey {
        case text
        case chatID = "chat_id"
        case messageID = "message_id"
        case parseMode = "parse_mode"
    }
}

import Foundation

/// The parts of a Telegram Bot API `Update` that FlowLinks reads.
struct TelegramUpdate: Decodable {
    struct User: Decodable {
        let id: Int64
        /// The user's language as their Telegram app is set ("es", "pt-br"), when Telegram sends it.
        let languageCode: String?

        enum CodingKeys: String, CodingKey {
            case id
            case languageCode = "language_code"
        }
    }

    struct Chat: Decodable {
        let id: Int64
    }

    struct Message: Decodable {
        let messageID: Int64
        let from: User?
        let chat: Chat
        let text: String?
        let replyMarkup: InlineKeyboard?

        enum CodingKeys: String, CodingKey {
            case from, chat, text
            case messageID = "message_id"
            case replyMarkup = "reply_markup"
        }

        /// The text of the button that sends `data`.
        func label(of data: String) -> String? {
            replyMarkup?.inlineKeyboard.joined().first { $0.callbackData == data }?.text
        }
    }

    struct CallbackQuery: Decodable {
        let id: String
        let from: User
        let message: Message?
        let data: String?
    }

    let updateID: Int64
    let message: Message?
    let callbackQuery: CallbackQuery?

    enum CodingKeys: String, CodingKey {
        case message
        case updateID = "update_id"
        case callbackQuery = "callback_query"
    }
}

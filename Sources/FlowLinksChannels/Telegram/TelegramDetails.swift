/// What a Telegram reply needs from the update: the chat, and for a button press the callback to
/// answer and the pressed question's message.
public struct TelegramDetails: EventDetails {
    public var chatID: Int64
    public var press: Press?

    /// The button press: its callback id, the message holding the question, its text and the label chosen.
    public struct Press: Equatable, Sendable {
        public var callbackQueryID: String
        /// The message holding the question; `nil` when Telegram did not send it, so there is none to edit.
        public var messageID: Int64?
        public var question: String
        public var chosen: String

        public init(callbackQueryID: String, messageID: Int64?, question: String, chosen: String) {
            self.callbackQueryID = callbackQueryID
            self.messageID = messageID
            self.question = question
            self.chosen = chosen
        }
    }

    public init(chatID: Int64, press: Press? = nil) {
        self.chatID = chatID
        self.press = press
    }
}

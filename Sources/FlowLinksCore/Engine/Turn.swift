/// What one inbound message does: the new state, the replies, and anything the store must do.
public struct Turn: Sendable {
    public var state: SessionState
    public var replies: [OutboundMessage]
    public var effect: Effect

    /// Work beyond saving the new state.
    public enum Effect: Equatable, Sendable {
        case none
        /// Erase the conversation's sessions and everything recorded for them.
        case erase
        /// Close this session and continue in a new one that starts from `state`.
        case startNewSession
    }

    public init(state: SessionState, replies: [OutboundMessage], effect: Effect = .none) {
        self.state = state
        self.replies = replies
        self.effect = effect
    }
}

/// A platform-neutral message from the bot: text, and choices a channel shows as buttons or a list.
public struct OutboundMessage: Equatable, Codable, Sendable {
    public var text: String
    public var choices: [Choice]

    public init(_ text: String, choices: [Choice] = []) {
        self.text = text
        self.choices = choices
    }
}

/// One choice offered with a message; `value` is what a button sends back.
public struct Choice: Equatable, Codable, Sendable {
    public var number: Int
    public var value: String
    public var label: String
    public var shortLabel: String

    public init(number: Int, value: String, label: String, shortLabel: String) {
        self.number = number
        self.value = value
        self.label = label
        self.shortLabel = shortLabel
    }
}

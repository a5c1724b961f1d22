import FlowLinksCore

/// Identifies one conversation: a channel and that channel's chat, thread or terminal session name.
public struct ConversationKey: Hashable, Sendable {
    public var channel: String
    public var conversation: String

    public init(channel: String, conversation: String) {
        self.channel = channel
        self.conversation = conversation
    }
}

/// A message received in a conversation.
public struct InboundMessage: Sendable {
    public var key: ConversationKey
    public var participant: String?
    public var text: String
    public var platformMessageID: String?

    public init(key: ConversationKey, participant: String? = nil, text: String, platformMessageID: String? = nil) {
        self.key = key
        self.participant = participant
        self.text = text
        self.platformMessageID = platformMessageID
    }
}

/// What a turn produced: the replies to send and where the session now stands.
public struct TurnOutcome: Sendable {
    /// The session the replies belong to; `nil` after the session was erased.
    public var sessionID: Int64?
    public var status: SessionStatus?
    public var replies: [OutboundMessage]
    /// True when the event was seen before: the replies are the ones sent then, and nothing changed.
    public var replayed = false
    /// What became of the reply to a choice question, for the metrics.
    public var reading: ReadingEvent?
}

/// A call to a platform's API that a turn needs made after it commits (a reply sent through the API).
public struct OutboxEntry: Equatable, Sendable {
    public var channel: String
    public var method: String
    public var body: [UInt8]

    public init(channel: String, method: String, body: [UInt8]) {
        self.channel = channel
        self.method = method
        self.body = body
    }
}

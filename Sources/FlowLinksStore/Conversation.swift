import FlowLinksCore
import Foundation

/// Identifies one conversation: a channel and that channel's chat, thread or terminal session name.
public struct ConversationKey: Hashable, Sendable {
    public var channel: String
    public var conversation: String

    public init(channel: String, conversation: String) {
        self.channel = channel
        self.conversation = conversation
    }
}

/// A message received in a conversation: words typed, or a button pressed.
public struct InboundMessage: Sendable {
    public var key: ConversationKey
    public var participant: String?
    /// What the transcript records: the words typed, or the label of the button pressed.
    public var text: String
    /// The button pressed; the engine reads it instead of `text`.
    public var press: ButtonPress?
    public var platformMessageID: String?
    /// The person's locale as the platform or browser sent it ("es-MX"), which may choose the
    /// language of a new conversation.
    public var locale: String?

    public init(
        key: ConversationKey, participant: String? = nil, text: String, press: ButtonPress? = nil,
        platformMessageID: String? = nil, locale: String? = nil
    ) {
        self.locale = locale
        self.key = key
        self.participant = participant
        self.text = text
        self.press = press
        self.platformMessageID = platformMessageID
    }

    /// The engine's turn for this message in the session `sessionID`.
    package func turn(inSession sessionID: Int64, state: SessionState, engine: Engine, now: Date) -> Turn {
        guard let press else { return engine.reply(to: text, in: state, now: now) }
        return engine.press(press, inSession: sessionID, state: state, now: now)
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
    /// For a button press: whether it answered the question, or changed nothing.
    public var press: PressOutcome?

    // why: written out (the memberwise one is internal) so that the PostgreSQL store builds outcomes too.
    package init(
        sessionID: Int64?, status: SessionStatus?, replies: [OutboundMessage], replayed: Bool = false,
        reading: ReadingEvent? = nil, press: PressOutcome? = nil
    ) {
        self.sessionID = sessionID
        self.status = status
        self.replies = replies
        self.replayed = replayed
        self.reading = reading
        self.press = press
    }

    /// The outcome with `press` read from the replies, when the message was a press.
    package func reporting(pressOf message: InboundMessage) -> TurnOutcome {
        var outcome = self
        outcome.press = message.press.map { _ in PressOutcome(replies: replies) }
        return outcome
    }
}

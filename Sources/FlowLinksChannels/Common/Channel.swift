import FlowLinksCore

/// A chat platform: verifies a webhook request, turns it into a normalized event, and renders the
/// engine's replies in the platform's format. No engine and no SQL inside.
public protocol Channel: Sendable {
    /// The stable name stored with sessions and events ("telegram").
    var name: String { get }

    /// Verifies and parses a webhook request. Most channels need no waiting; one whose signing keys
    /// are fetched (Teams) may wait for them.
    func receive(_ request: ChannelRequest) async throws(ChannelError) -> ChannelInbound

    /// The HTTP response to the webhook, plus any calls to the platform's API that must follow it.
    func reply(to event: InboundEvent, with replies: [OutboundMessage], context: ReplyContext) -> ChannelReply

    /// Answers a GET to the webhook (a platform's subscription check); `nil` when the channel has none.
    func challenge(_ request: ChannelRequest) throws(ChannelError) -> ChannelResponse?
}

extension Channel {
    public func challenge(_ request: ChannelRequest) throws(ChannelError) -> ChannelResponse? { nil }
}

/// What the server knows about a reply beyond its messages.
public struct ReplyContext: Sendable {
    /// The session the reply belongs to; `nil` after an erasure.
    public var sessionID: Int64?
    /// The event was answered before; this is the same reply again.
    public var replayed: Bool
    /// The conversation sent too many messages; the reply asks it to slow down.
    public var rateLimited: Bool
    /// For a button press: whether it answered the question (mark the question answered) or
    /// changed nothing (leave the question as it is; the reply is a notice).
    public var press: PressOutcome?

    public init(sessionID: Int64? = nil, replayed: Bool = false, rateLimited: Bool = false, press: PressOutcome? = nil) {
        self.sessionID = sessionID
        self.replayed = replayed
        self.rateLimited = rateLimited
        self.press = press
    }

    /// The reply is a notice rather than a turn of the conversation: a press that changed nothing,
    /// or a message refused for coming too fast.
    public var isNotice: Bool { rateLimited || press == .stale }

    /// What a choice's button sends back: a `ChoicePress` token naming this session and the
    /// choice's question, so the press answers only that question.
    // why: choices stored before buttons carried their question (an old event replayed) keep the
    // option id; a press of such a button changes nothing.
    func buttonValue(for choice: Choice) -> String {
        guard let sessionID, let question = choice.question else { return choice.value }
        return ChoicePress(sessionID: sessionID, question: question, option: choice.number).token
    }
}

/// What a webhook request turned out to be.
public enum ChannelInbound: Sendable {
    /// A message or button press for the engine.
    case event(InboundEvent)
    /// Several messages delivered in one request (WhatsApp batches them), taken in order; the
    /// platform gets an empty 200 and every reply goes through the outbox.
    case batch([InboundEvent])
    /// Something answered without the engine: a verification challenge, an update to ignore.
    case respond(ChannelResponse)
}

/// A message from a person, the same for every platform.
public struct InboundEvent: Equatable, Sendable {
    public var channel: String
    /// The platform's id for this delivery; a retry carries the same one.
    public var eventID: String
    /// The chat, thread or phone number the conversation happens in.
    public var conversation: String
    public var participant: String?
    /// What was typed, or the label of the button pressed (its value when the platform sends no
    /// label): what the transcript records.
    public var text: String
    /// The button pressed, read from its value; `nil` for typed words.
    public var press: ButtonPress?
    /// Platform details the reply needs (a chat id, a callback id), as the channel's own type.
    public var details: (any EventDetails)?
    /// The person's language as the platform sends it (Telegram's `language_code`, a browser's
    /// Accept-Language); it may choose the language of a new conversation.
    public var locale: String?

    public init(
        channel: String, eventID: String, conversation: String, participant: String?, text: String,
        press: ButtonPress? = nil, details: (any EventDetails)? = nil, locale: String? = nil
    ) {
        self.locale = locale
        self.channel = channel
        self.eventID = eventID
        self.conversation = conversation
        self.participant = participant
        self.text = text
        self.press = press
        self.details = details
    }

    /// The channel's details, when they are of the type it reads.
    public func details<Details: EventDetails>(as type: Details.Type) -> Details? { details as? Details }

    public static func == (left: InboundEvent, right: InboundEvent) -> Bool {
        left.channel == right.channel && left.eventID == right.eventID && left.conversation == right.conversation
            && left.participant == right.participant && left.text == right.text && left.press == right.press
            && Self.same(left.details, right.details)
    }

    private static func same(_ left: (any EventDetails)?, _ right: (any EventDetails)?) -> Bool {
        switch (left, right) {
        case (nil, nil): true
        case (let left?, let right?): left.isSame(as: right)
        default: false
        }
    }
}

/// What one platform's channel keeps from a request for its reply: a typed value per platform.
public protocol EventDetails: Equatable, Sendable {}

extension EventDetails {
    /// Whether `other` is a value of the same type and equal to this one.
    func isSame(as other: any EventDetails) -> Bool { (other as? Self) == self }
}

/// The webhook's response, and platform API calls to make after it (through the outbox).
public struct ChannelReply: Sendable {
    public var response: ChannelResponse
    public var followUps: [PlatformCall]

    public init(response: ChannelResponse, followUps: [PlatformCall] = []) {
        self.response = response
        self.followUps = followUps
    }
}

import FlowLinksCore

/// A chat platform: verifies a webhook request, turns it into a normalized event, and renders the
/// engine's replies in the platform's format. No engine and no SQL inside.
public protocol Channel: Sendable {
    /// The stable name stored with sessions and events ("telegram").
    var name: String { get }

    /// Verifies and parses a webhook request.
    func receive(_ request: ChannelRequest) throws(ChannelError) -> ChannelInbound

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

    public init(sessionID: Int64? = nil, replayed: Bool = false, rateLimited: Bool = false) {
        self.sessionID = sessionID
        self.replayed = replayed
        self.rateLimited = rateLimited
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
    /// What was typed, or the value of the button pressed.
    public var text: String
    /// Platform details the reply needs (chat id, callback id).
    public var context: [String: String]

    public init(
        channel: String, eventID: String, conversation: String, participant: String?, text: String,
        context: [String: String] = [:]
    ) {
        self.channel = channel
        self.eventID = eventID
        self.conversation = conversation
        self.participant = participant
        self.text = text
        self.context = context
    }
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

/// One call to a platform's API, e.g. Telegram's `sendMessage` with its JSON body.
public struct PlatformCall: Equatable, Codable, Sendable {
    public var channel: String
    public var method: String
    public var body: [UInt8]

    public init(channel: String, method: String, body: [UInt8]) {
        self.channel = channel
        self.method = method
        self.body = body
    }
}

/// One call to a platform's API that a reply needs made after its turn commits, e.g. Telegram's
/// `sendMessage` with its JSON body: channels produce it, the store queues it in the outbox.
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

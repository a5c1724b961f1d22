/// What a Slack reply needs from the request: what kind it was, the channel and thread to answer
/// in, and for a button press the message holding the question.
public struct SlackDetails: EventDetails {
    /// A message or mention, a slash command (answered in its response), or a button press.
    public enum Kind: Equatable, Sendable { case message, command, button }

    public var kind: Kind
    public var channel: String
    public var threadTS: String?
    /// The pressed question's message, when Slack sent it back (an ephemeral one comes without).
    public var messageTS: String?
    public var question: String?
    public var chosen: String?

    public init(
        kind: Kind, channel: String, threadTS: String? = nil, messageTS: String? = nil, question: String? = nil,
        chosen: String? = nil
    ) {
        self.kind = kind
        self.channel = channel
        self.threadTS = threadTS
        self.messageTS = messageTS
        self.question = question
        self.chosen = chosen
    }
}

/// A queued Teams reply: where it goes (the activity's Bot Connector service and conversation) and
/// the activity to post there, `POST {serviceUrl}/v3/conversations/{conversation}/activities`.
public struct TeamsOutgoing: Codable, Equatable, Sendable {
    public var serviceURL: String
    public var conversationID: String
    public var activity: Activity

    enum CodingKeys: String, CodingKey {
        case serviceURL = "service_url"
        case conversationID = "conversation_id"
        case activity
    }

    /// A message activity: plain text, and an Adaptive Card when the message offers choices.
    public struct Activity: Codable, Equatable, Sendable {
        public var type = "message"
        public var text: String
        public var textFormat = "plain"
        public var replyToID: String?
        public var attachments: [Attachment]?

        public init(text: String, attachments: [Attachment]? = nil) {
            self.text = text
            self.attachments = attachments
        }

        enum CodingKeys: String, CodingKey {
            case type, text, textFormat, attachments
            case replyToID = "replyToId"
        }
    }

    /// An Adaptive Card attachment.
    public struct Attachment: Codable, Equatable, Sendable {
        public var contentType = "application/vnd.microsoft.card.adaptive"
        public var content: AdaptiveCard

        public init(content: AdaptiveCard) { self.content = content }
    }
}

/// An Adaptive Card holding a question's text and one `Action.Submit` button per choice.
public struct AdaptiveCard: Codable, Equatable, Sendable {
    public var type = "AdaptiveCard"
    public var version = "1.4"
    public var schema = "http://adaptivecards.io/schemas/adaptive-card.json"
    public var body: [TextBlock]
    public var actions: [SubmitAction]

    public init(body: [TextBlock], actions: [SubmitAction]) {
        self.body = body
        self.actions = actions
    }

    enum CodingKeys: String, CodingKey {
        case type, version, body, actions
        case schema = "$schema"
    }

    /// Wrapped text.
    public struct TextBlock: Codable, Equatable, Sendable {
        public var type = "TextBlock"
        public var text: String
        public var wrap = true

        public init(text: String) { self.text = text }
    }

    /// A button whose data carries the press token (session and question) and its label.
    public struct SubmitAction: Codable, Equatable, Sendable {
        public var type = "Action.Submit"
        public var title: String
        public var data: SubmitData

        public init(title: String, data: SubmitData) {
            self.title = title
            self.data = data
        }
    }

    /// What the button sends back in the message activity's `value`.
    public struct SubmitData: Codable, Equatable, Sendable {
        public var flowlinks: String
        public var label: String

        public init(flowlinks: String, label: String) {
            self.flowlinks = flowlinks
            self.label = label
        }
    }
}

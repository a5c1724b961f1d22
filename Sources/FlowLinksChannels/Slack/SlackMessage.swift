/// A Block Kit block: a section of mrkdwn text, a row of buttons, or a line of context.
enum SlackBlock: Encodable, Equatable {
    case section(String)
    case buttons([SlackButton])
    case context(String)

    private struct Text: Encodable {
        let type: String
        let text: String
    }

    private enum CodingKeys: String, CodingKey {
        case type, text, elements
        case blockID = "block_id"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .section(let text):
            try container.encode("section", forKey: .type)
            try container.encode(Text(type: "mrkdwn", text: text), forKey: .text)
        case .buttons(let buttons):
            try container.encode("actions", forKey: .type)
            try container.encode("choices", forKey: .blockID)
            try container.encode(buttons, forKey: .elements)
        case .context(let text):
            try container.encode("context", forKey: .type)
            try container.encode([Text(type: "mrkdwn", text: text)], forKey: .elements)
        }
    }
}

/// A Block Kit button whose press sends `value` back as a `block_actions` payload.
struct SlackButton: Encodable, Equatable {
    struct Label: Encodable, Equatable {
        let type = "plain_text"
        let text: String
    }

    let type = "button"
    let text: Label
    let actionID: String
    let value: String

    init(label: String, actionID: String, value: String) {
        self.text = Label(text: label)
        self.actionID = actionID
        self.value = value
    }

    enum CodingKeys: String, CodingKey {
        case type, text, value
        case actionID = "action_id"
    }
}

/// The body of `chat.postMessage`, `chat.postEphemeral`, `chat.update`, and of a slash command's response.
struct SlackMessageBody: Encodable {
    /// Where to post; absent in a slash command's response.
    var channel: String?
    /// Who sees an ephemeral message.
    var user: String?
    /// The message to replace, for `chat.update`.
    var ts: String?
    var threadTS: String?
    /// `in_channel` so the whole team sees a slash command's answer.
    var responseType: String?
    /// The plain text Slack shows in notifications and where blocks cannot be drawn.
    let text: String
    let blocks: [SlackBlock]

    enum CodingKeys: String, CodingKey {
        case channel, user, ts, text, blocks
        case threadTS = "thread_ts"
        case responseType = "response_type"
    }
}

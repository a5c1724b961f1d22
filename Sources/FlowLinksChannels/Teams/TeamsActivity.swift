import Foundation

/// The parts of a Bot Framework activity FlowLinks reads: what kind it is, who sent it where, its
/// text or a card's submitted data, and the mentions and members it names.
struct TeamsActivity: Decodable {
    let type: String
    let id: String?
    let serviceURL: String?
    let from: Account?
    let recipient: Account?
    let conversation: Conversation?
    let text: String?
    /// What an Adaptive Card's `Action.Submit` sent: the data of the button pressed.
    let value: SubmitData?
    let entities: [Entity]?
    let membersAdded: [Account]?
    /// The sender's Teams language, such as `es-MX`; it may choose a new conversation's language.
    let locale: String?

    enum CodingKeys: String, CodingKey {
        case type, id, from, recipient, conversation, text, value, entities, membersAdded, locale
        case serviceURL = "serviceUrl"
    }

    struct Account: Decodable {
        let id: String
        let name: String?
    }

    struct Conversation: Decodable {
        let id: String
        /// "personal", "groupChat" or "channel".
        let conversationType: String?
    }

    /// A mention's entity: its text (`<at>FlowLinks</at>`) and whom it mentions.
    struct Entity: Decodable {
        let type: String?
        let text: String?
        let mentioned: Account?
    }

    /// A FlowLinks button's data: the press token and the label the person saw.
    struct SubmitData: Decodable {
        let flowlinks: String?
        let label: String?

        // why: a card from another app (or a hand-made request) may submit anything; it is only a
        // FlowLinks press when it carries the `flowlinks` string.
        init(from decoder: any Decoder) throws {
            let container = try? decoder.container(keyedBy: CodingKeys.self)
            flowlinks = try? container?.decodeIfPresent(String.self, forKey: .flowlinks)
            label = try? container?.decodeIfPresent(String.self, forKey: .label)
        }

        enum CodingKeys: String, CodingKey { case flowlinks, label }
    }

    /// The message's text without the bot's @mention (in a channel the bot is addressed by name).
    var textWithoutMentions: String {
        var text = self.text ?? ""
        for entity in entities ?? [] where entity.type == "mention" && entity.mentioned?.id == recipient?.id {
            if let mention = entity.text { text = text.replacingOccurrences(of: mention, with: " ") }
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Whether this `conversationUpdate` adds the bot itself to the conversation.
    var addsTheBot: Bool {
        guard let bot = recipient?.id else { return false }
        return membersAdded?.contains { $0.id == bot } ?? false
    }
}

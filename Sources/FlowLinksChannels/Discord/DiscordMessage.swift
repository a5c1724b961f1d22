/// An interaction response: `PONG`, a new message, or the pressed message updated.
struct DiscordResponse: Encodable {
    let type: Int
    var data: DiscordMessage?

    static let pong = DiscordResponse(type: 1)

    static func message(_ message: DiscordMessage) -> DiscordResponse {
        DiscordResponse(type: 4, data: message)
    }

    static func update(_ message: DiscordMessage) -> DiscordResponse {
        DiscordResponse(type: 7, data: message)
    }
}

/// The answer to an autocomplete request: no suggestions (the `answer` option is free text).
struct DiscordNoSuggestions: Encodable {
    struct Choices: Encodable {
        let choices: [String] = []
    }

    let type = 8
    let data = Choices()
}

/// A message's content and buttons; mentions never ping anyone.
struct DiscordMessage: Encodable {
    struct AllowedMentions: Encodable {
        let parse: [String] = []
    }

    struct ActionRow: Encodable {
        let type = 1
        let components: [Button]
    }

    struct Button: Encodable {
        let type = 2
        /// Discord's "secondary" grey button: choices are equals, none is the obvious default.
        let style = 2
        let label: String
        let customID: String

        enum CodingKeys: String, CodingKey {
            case type, style, label
            case customID = "custom_id"
        }
    }

    let content: String
    var components: [ActionRow]?
    /// 64 marks a message only its reader sees (the slow-down notice).
    var flags: Int?
    let allowedMentions = AllowedMentions()

    enum CodingKeys: String, CodingKey {
        case content, components, flags
        case allowedMentions = "allowed_mentions"
    }
}

/// A follow-up message for the outbox: posted to the interaction's webhook, whose token stays in
/// the body rather than in the queued call's method, so listing the outbox never shows it.
struct DiscordFollowUp: Encodable {
    let applicationID: String
    let token: String
    let message: DiscordMessage

    enum CodingKeys: String, CodingKey {
        case token, message
        case applicationID = "application_id"
    }
}

/// The parts of an Events API request FlowLinks reads: `url_verification` or an `event_callback`.
struct SlackEnvelope: Decodable {
    struct Event: Decodable {
        let type: String
        let subtype: String?
        let user: String?
        let botID: String?
        let text: String?
        let channel: String?
        let channelType: String?
        let ts: String?
        let threadTS: String?

        enum CodingKeys: String, CodingKey {
            case type, subtype, user, text, channel, ts
            case botID = "bot_id"
            case channelType = "channel_type"
            case threadTS = "thread_ts"
        }
    }

    let type: String
    let challenge: String?
    let eventID: String?
    let teamID: String?
    let event: Event?

    enum CodingKeys: String, CodingKey {
        case type, challenge, event
        case eventID = "event_id"
        case teamID = "team_id"
    }
}

/// The parts of an interactivity payload (a `block_actions` button press) FlowLinks reads.
struct SlackInteraction: Decodable {
    struct Identified: Decodable {
        let id: String
    }

    struct Action: Decodable {
        struct Label: Decodable {
            let text: String
        }

        let actionID: String
        let value: String?
        let actionTS: String?
        let text: Label?

        enum CodingKeys: String, CodingKey {
            case value, text
            case actionID = "action_id"
            case actionTS = "action_ts"
        }
    }

    struct Message: Decodable {
        let ts: String
        let text: String?
        let threadTS: String?

        enum CodingKeys: String, CodingKey {
            case ts, text
            case threadTS = "thread_ts"
        }
    }

    /// Where the pressed button is; `message_ts` is there even when `message` is not (ephemeral messages).
    struct Container: Decodable {
        let messageTS: String?

        enum CodingKeys: String, CodingKey {
            case messageTS = "message_ts"
        }
    }

    let type: String
    let team: Identified?
    let user: Identified?
    let channel: Identified?
    let container: Container?
    let message: Message?
    let actions: [Action]?
}

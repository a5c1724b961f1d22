/// The parts of a Discord interaction FlowLinks reads.
struct DiscordInteraction: Decodable {
    /// `PING` from Discord's endpoint check, a slash command, or a button press.
    enum Kind: Int {
        case ping = 1
        case command = 2
        case component = 3
        case autocomplete = 4
    }

    struct User: Decodable {
        let id: String
    }

    struct Member: Decodable {
        let user: User?
    }

    struct Option: Decodable {
        let name: String
        let value: OptionValue?
    }

    /// An option's value, which Discord sends as a string, a number or a boolean.
    struct OptionValue: Decodable {
        let text: String

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let text = try? container.decode(String.self) {
                self.text = text
            } else if let number = try? container.decode(Int64.self) {
                self.text = String(number)
            } else if let number = try? container.decode(Double.self) {
                self.text = String(number)
            } else {
                self.text = String(try container.decode(Bool.self))
            }
        }
    }

    struct Payload: Decodable {
        let name: String?
        let options: [Option]?
        let customID: String?

        enum CodingKeys: String, CodingKey {
            case name, options
            case customID = "custom_id"
        }
    }

    /// The message whose button was pressed: its text and its buttons.
    struct Message: Decodable {
        struct Row: Decodable {
            let components: [Component]?
        }

        struct Component: Decodable {
            let label: String?
            let customID: String?

            enum CodingKeys: String, CodingKey {
                case label
                case customID = "custom_id"
            }
        }

        let content: String?
        let components: [Row]?

        /// The label of the button that sends `value`.
        func label(of value: String) -> String? {
            components?.lazy.compactMap(\.components).joined().first { $0.customID == value }?.label
        }
    }

    let id: String
    let applicationID: String
    let type: Int
    let token: String
    let channelID: String?
    let member: Member?
    let user: User?
    let data: Payload?
    let message: Message?
    /// The language the person's Discord app is set to ("es-ES"), sent with every interaction.
    let locale: String?

    enum CodingKeys: String, CodingKey {
        case id, type, token, member, user, data, message, locale
        case applicationID = "application_id"
        case channelID = "channel_id"
    }
}

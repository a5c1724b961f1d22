import FlowLinksCore

/// The parts of a WhatsApp Cloud API webhook notification FlowLinks reads.
struct WhatsAppNotification: Decodable {
    struct Entry: Decodable {
        let changes: [Change]
    }

    struct Change: Decodable {
        let field: String?
        let value: Value
    }

    struct Value: Decodable {
        let metadata: Metadata?
        let messages: [Message]?
    }

    struct Metadata: Decodable {
        let phoneNumberID: String

        enum CodingKeys: String, CodingKey {
            case phoneNumberID = "phone_number_id"
        }
    }

    struct Message: Decodable {
        struct Text: Decodable {
            let body: String
        }

        struct Reply: Decodable {
            let id: String
            let title: String?
        }

        struct Interactive: Decodable {
            let buttonReply: Reply?
            let listReply: Reply?

            enum CodingKeys: String, CodingKey {
                case buttonReply = "button_reply"
                case listReply = "list_reply"
            }
        }

        /// A quick-reply button of a template message.
        struct Button: Decodable {
            let payload: String?
            let text: String?
        }

        let from: String
        let id: String
        let type: String
        let text: Text?
        let interactive: Interactive?
        let button: Button?

        /// The reply button or list row picked, or a template's quick reply carrying a press token.
        var press: ButtonPress? {
            if let reply = interactive?.buttonReply ?? interactive?.listReply { return ButtonPress(value: reply.id) }
            // why: a template's quick-reply payload is chosen by whoever wrote the template; only a
            // token is a press, anything else is read as words.
            return button?.payload.flatMap(ChoicePress.init(token:)).map(ButtonPress.choice)
        }

        /// What the person said: the text typed, or the title of the option picked. Anything else (a
        /// photo, a voice note) reads as no words, so the engine asks kindly for a typed answer.
        var said: String {
            if let reply = interactive?.buttonReply ?? interactive?.listReply { return reply.title ?? reply.id }
            if press != nil { return button?.text ?? button?.payload ?? "" }
            return text?.body ?? button?.payload ?? button?.text ?? ""
        }
    }

    let object: String
    let entry: [Entry]
}

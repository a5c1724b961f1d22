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

        /// What the person said: the text typed or the id of the option picked. Anything else (a
        /// photo, a voice note) reads as no words, so the engine asks kindly for a typed answer.
        var said: String {
            text?.body ?? interactive?.buttonReply?.id ?? interactive?.listReply?.id ?? button?.payload ?? button?.text ?? ""
        }
    }

    let object: String
    let entry: [Entry]
}

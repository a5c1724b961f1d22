/// A Cloud API `messages` request body: a text, or an interactive message with reply buttons or a list.
struct WhatsAppMessage: Encodable {
    struct Text: Encodable {
        let body: String
        let previewURL = false

        enum CodingKeys: String, CodingKey {
            case body
            case previewURL = "preview_url"
        }
    }

    struct Interactive: Encodable {
        struct Body: Encodable {
            let text: String
        }

        struct ReplyButton: Encodable {
            struct Reply: Encodable {
                let id: String
                let title: String
            }

            let type = "reply"
            let reply: Reply
        }

        struct Section: Encodable {
            struct Row: Encodable {
                let id: String
                let title: String
                let description: String?
            }

            let rows: [Row]
        }

        struct Action: Encodable {
            var buttons: [ReplyButton]?
            var button: String?
            var sections: [Section]?
        }

        let type: String
        let body: Body
        let action: Action
    }

    let messagingProduct = "whatsapp"
    let recipientType = "individual"
    let to: String
    let type: String
    var text: Text?
    var interactive: Interactive?

    enum CodingKeys: String, CodingKey {
        case to, type, text, interactive
        case messagingProduct = "messaging_product"
        case recipientType = "recipient_type"
    }

    static func text(_ body: String, to recipient: String) -> WhatsAppMessage {
        WhatsAppMessage(to: recipient, type: "text", text: Text(body: body))
    }

    static func interactive(_ interactive: Interactive, to recipient: String) -> WhatsAppMessage {
        WhatsAppMessage(to: recipient, type: "interactive", interactive: interactive)
    }
}

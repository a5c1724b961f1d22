import FlowLinksCore
import Foundation

/// The WhatsApp Cloud API: Meta checks the webhook with a GET challenge, then posts messages
/// signed with the app secret. Every reply goes out through the Graph API from the outbox: text,
/// reply buttons for up to three choices, a list for more.
public struct WhatsAppChannel: Channel {
    public let name = "whatsapp"
    let appSecret: String
    let verifyToken: String
    let layout: ChoiceLayout
    /// The label of the button that opens a list of options.
    let listButton: String

    /// WhatsApp's limits: a text message, an interactive message's body, reply buttons and their
    /// titles, list rows and their titles and descriptions, and the list's button.
    static let textLimit = 4096
    static let interactiveBodyLimit = 1024
    static let maximumButtons = 3
    static let buttonTitleLimit = 20
    static let maximumRows = 10
    static let rowTitleLimit = 24
    static let rowDescriptionLimit = 72
    static let listButtonLimit = 20

    public init(appSecret: String, verifyToken: String, plainText: PlainText, listButton: String) {
        self.appSecret = appSecret
        self.verifyToken = verifyToken
        self.layout = ChoiceLayout(plainText: plainText, buttonLabelLimit: Self.buttonTitleLimit)
        self.listButton = ChoiceLayout.clip(listButton, to: Self.listButtonLimit)
    }

    /// Meta's subscription check: `hub.mode=subscribe`, the verify token, and a challenge to echo.
    public func challenge(_ request: ChannelRequest) throws(ChannelError) -> ChannelResponse? {
        let query = FormBody(Array((request.query ?? "").utf8))
        guard query?["hub.mode"] == "subscribe", let challenge = query?["hub.challenge"] else {
            throw .badRequest("Expected hub.mode=subscribe with hub.verify_token and hub.challenge.")
        }
        guard ConstantTime.equals(query?["hub.verify_token"], verifyToken) else { throw .unauthorized }
        return .text(challenge)
    }

    public func receive(_ request: ChannelRequest) throws(ChannelError) -> ChannelInbound {
        let expected = "sha256=" + Signature.hmacSHA256Hex(request.body, secret: appSecret)
        guard ConstantTime.equals(request.header("x-hub-signature-256"), expected) else { throw .unauthorized }
        guard request.mediaType == "application/json" else { throw .unsupportedMediaType("application/json") }
        guard let notification = try? JSONDecoder().decode(WhatsAppNotification.self, from: Data(request.body)) else {
            throw .badRequest("The body is not a WhatsApp webhook notification.")
        }
        var events: [InboundEvent] = []
        for change in notification.entry.flatMap(\.changes) {
            guard let phoneNumberID = change.value.metadata?.phoneNumberID else { continue }
            // why: reactions point at an earlier message; they are not an answer to the question.
            for message in change.value.messages ?? [] where message.type != "reaction" {
                events.append(
                    InboundEvent(
                        channel: name, eventID: message.id, conversation: message.from, participant: message.from,
                        text: message.said, press: message.press, context: ["phone_number_id": phoneNumberID]))
            }
        }
        // why: delivery and read statuses arrive on the same webhook and need only an acknowledgement.
        return events.isEmpty ? .respond(.acknowledged) : .batch(events)
    }

    public func reply(to event: InboundEvent, with replies: [OutboundMessage], context: ReplyContext) -> ChannelReply {
        let recipient = event.conversation
        var messages = TextSplitter(limit: Self.textLimit)
            .split(replies.map(layout.text(of:)).joined(separator: "\n\n"))
            .map { WhatsAppMessage.text($0, to: recipient) }
        if let question = replies.last, let last = messages.last?.text?.body,
            let action = action(for: question.choices, context: context)
        {
            // why: an interactive message's body holds 1024 characters; text before that goes first.
            let parts = TextSplitter(limit: Self.interactiveBodyLimit).split(last)
            messages.removeLast()
            messages += parts.dropLast().map { WhatsAppMessage.text($0, to: recipient) }
            let interactive = WhatsAppMessage.Interactive(
                type: action.buttons == nil ? "list" : "button", body: .init(text: parts.last ?? last), action: action)
            messages.append(.interactive(interactive, to: recipient))
        }
        let method = "\(event.context["phone_number_id"] ?? "")/messages"
        return ChannelReply(
            response: .acknowledged,
            followUps: messages.map { PlatformCall(channel: name, method: method, body: JSONBody.encode($0)) })
    }

    /// Reply buttons when three or fewer short choices, a list for up to ten, else none (the
    /// choices are numbered in the text and a typed number answers).
    private func action(for choices: [Choice], context: ReplyContext) -> WhatsAppMessage.Interactive.Action? {
        guard !choices.isEmpty else { return nil }
        if choices.count <= Self.maximumButtons, layout.labelsFitButtons(choices) {
            return .init(buttons: choices.map { .init(reply: .init(id: context.buttonValue(for: $0), title: $0.label)) })
        }
        guard choices.count <= Self.maximumRows else { return nil }
        let rows = choices.map { choice in
            let fits = choice.label.count <= Self.rowTitleLimit
            return WhatsAppMessage.Interactive.Section.Row(
                id: context.buttonValue(for: choice),
                title: ChoiceLayout.clip(fits ? choice.label : "\(choice.number). \(choice.shortLabel)", to: Self.rowTitleLimit),
                description: fits ? nil : ChoiceLayout.clip(choice.label, to: Self.rowDescriptionLimit))
        }
        return .init(button: listButton, sections: [.init(rows: rows)])
    }
}

import FlowLinksCore
import Foundation

/// A Discord application's interactions endpoint: every request is signed with Ed25519; Discord's
/// `PING` gets a `PONG`; the `/flowlinks` command (its `answer` option) and button presses are
/// answered in the interaction response. Parts past Discord's length limit follow through the
/// interaction's webhook, from the outbox.
public struct DiscordChannel: Channel {
    public let name = "discord"
    let publicKey: String
    let freshness: FreshnessWindow
    let layout: ChoiceLayout

    /// Discord's limits: a message's content, a button's label and custom id, buttons per row, rows.
    static let contentLimit = 2000
    /// Text is split below the limit, so the backslashes of escaping still fit.
    static let splitLimit = 1800
    static let buttonLabelLimit = 80
    static let customIDLimit = 100
    static let buttonsPerRow = 5
    static let maximumRows = 5
    /// The method of a queued follow-up message; the sender reads the address from its body.
    public static let followUpMethod = "followup"

    public init(publicKey: String, plainText: PlainText, now: @escaping @Sendable () -> Date = Date.init) {
        self.publicKey = publicKey
        self.freshness = FreshnessWindow(now: now)
        self.layout = ChoiceLayout(plainText: plainText, buttonLabelLimit: Self.buttonLabelLimit)
    }

    public func receive(_ request: ChannelRequest) throws(ChannelError) -> ChannelInbound {
        let timestamp = request.header("x-signature-timestamp")
        guard freshness.accepts(timestamp), let timestamp,
            Signature.isValidEd25519(
                signature: request.header("x-signature-ed25519"), publicKey: publicKey,
                message: Array(timestamp.utf8) + request.body)
        else { throw .unauthorized }
        guard request.mediaType == "application/json" else { throw .unsupportedMediaType("application/json") }
        guard let interaction = try? JSONDecoder().decode(DiscordInteraction.self, from: Data(request.body)) else {
            throw .badRequest("The body is not a Discord interaction.")
        }
        let text: String
        var press: ButtonPress?
        var details = DiscordDetails(applicationID: interaction.applicationID, token: interaction.token)
        switch DiscordInteraction.Kind(rawValue: interaction.type) {
        case .ping:
            return .respond(.json(JSONBody.encode(DiscordResponse.pong)))
        case .autocomplete:
            return .respond(.json(JSONBody.encode(DiscordNoSuggestions())))
        case .command:
            let answer = interaction.data?.options?.first { $0.name == "answer" }?.value?.text
            let typed = (answer ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            text = typed.isEmpty ? "start" : typed
        case .component:
            let value = interaction.data?.customID ?? ""
            text = interaction.message?.label(of: value) ?? value
            press = ButtonPress(value: value)
            details.press = .init(question: interaction.message?.content ?? "", chosen: text)
        case nil:
            throw .badRequest("Interactions of type \(interaction.type) are not used by FlowLinks.")
        }
        guard let channel = interaction.channelID else { throw .badRequest("The interaction has no channel_id.") }
        return .event(
            InboundEvent(
                channel: name, eventID: interaction.id, conversation: channel,
                participant: interaction.member?.user?.id ?? interaction.user?.id, text: text, press: press,
                details: details, locale: interaction.locale))
    }

    public func reply(to event: InboundEvent, with replies: [OutboundMessage], context: ReplyContext) -> ChannelReply {
        let text = replies.map(layout.text(of:)).joined(separator: "\n\n")
        let parts = TextSplitter(limit: Self.splitLimit).split(text).map {
            ChoiceLayout.clip(Escaping.discordMarkdown($0), to: Self.contentLimit)
        }
        var messages = parts.map { DiscordMessage(content: $0) }
        if messages.isEmpty { messages = [DiscordMessage(content: "")] }
        messages[messages.count - 1].components = replies.last.flatMap { rows(for: $0.choices, context: context) }
        if context.isNotice {
            // why: a notice is for the presser alone, and the pressed question keeps its buttons.
            messages[0].flags = 64
            return ChannelReply(response: .json(JSONBody.encode(DiscordResponse.message(messages[0]))))
        }
        if let press = event.details(as: DiscordDetails.self)?.press {
            // why: the pressed question loses its buttons and shows the choice, so an old question
            // cannot answer a later one; the next question follows as a new message.
            return ChannelReply(
                response: .json(JSONBody.encode(DiscordResponse.update(answered(press)))),
                followUps: messages.map { followUp($0, for: event) })
        }
        return ChannelReply(
            response: .json(JSONBody.encode(DiscordResponse.message(messages[0]))),
            followUps: messages.dropFirst().map { followUp($0, for: event) })
    }

    /// The pressed question with the chosen answer in place of its buttons.
    private func answered(_ press: DiscordDetails.Press) -> DiscordMessage {
        // why: the question's text comes back from Discord already escaped; only the label is escaped here.
        let chosen = "✓ " + Escaping.discordMarkdown(press.chosen)
        let question = press.question
        let content = question.isEmpty ? chosen : question + "\n\n" + chosen
        return DiscordMessage(
            content: ChoiceLayout.clip(content, to: Self.contentLimit), components: [])
    }

    private func followUp(_ message: DiscordMessage, for event: InboundEvent) -> PlatformCall {
        let details = event.details(as: DiscordDetails.self)
        let followUp = DiscordFollowUp(
            applicationID: details?.applicationID ?? "", token: details?.token ?? "", message: message)
        return PlatformCall(channel: name, method: Self.followUpMethod, body: JSONBody.encode(followUp))
    }

    /// Buttons for the choices, five to a row; none when there are more than fit or a value is too
    /// long to send back (the choices are numbered in the text then, and a typed number answers).
    private func rows(for choices: [Choice], context: ReplyContext) -> [DiscordMessage.ActionRow]? {
        let values = choices.map(context.buttonValue(for:))
        guard !choices.isEmpty, choices.count <= Self.buttonsPerRow * Self.maximumRows,
            values.allSatisfy({ $0.count <= Self.customIDLimit })
        else { return nil }
        let buttons = zip(choices, values).map { choice, value in
            DiscordMessage.Button(label: layout.buttonLabel(for: choice, among: choices), customID: value)
        }
        return stride(from: 0, to: buttons.count, by: Self.buttonsPerRow).map {
            DiscordMessage.ActionRow(components: Array(buttons[$0..<min($0 + Self.buttonsPerRow, buttons.count)]))
        }
    }
}

import FlowLinksCore
import Foundation

/// A Slack app: Events API messages (direct messages and @mentions), Block Kit button presses and
/// the `/flowlinks` slash command, all signed with the app's signing secret. Events and button
/// presses are acknowledged at once and answered through `chat.postMessage` in the outbox; a slash
/// command is answered in its response.
public struct SlackChannel: Channel {
    public let name = "slack"
    let signingSecret: String
    let freshness: FreshnessWindow
    let layout: ChoiceLayout

    /// Slack's limit for one section block's text.
    static let sectionLimit = 3000
    /// Text is split below the section limit, so escaping `&`, `<` and `>` still fits.
    static let splitLimit = 2500
    /// Slack allows 50 blocks in a message; a few stay free for the buttons.
    static let blocksPerMessage = 45
    /// Slack's limits for a button's label and for buttons in one actions block.
    static let buttonLabelLimit = 75
    static let buttonsPerBlock = 25

    public init(signingSecret: String, plainText: PlainText, now: @escaping @Sendable () -> Date = Date.init) {
        self.signingSecret = signingSecret
        self.freshness = FreshnessWindow(now: now)
        self.layout = ChoiceLayout(plainText: plainText, buttonLabelLimit: Self.buttonLabelLimit)
    }

    public func receive(_ request: ChannelRequest) throws(ChannelError) -> ChannelInbound {
        try verify(request)
        switch request.mediaType {
        case "application/json": return try receiveEvent(request.body)
        case "application/x-www-form-urlencoded":
            guard let form = FormBody(request.body) else { throw .badRequest("The body is not valid form encoding.") }
            if let payload = form["payload"] { return try receiveInteraction(payload) }
            return try receiveCommand(form)
        default: throw .unsupportedMediaType("application/json or application/x-www-form-urlencoded")
        }
    }

    /// `v0=` HMAC-SHA256 of `v0:{timestamp}:{body}`, with the timestamp within five minutes.
    private func verify(_ request: ChannelRequest) throws(ChannelError) {
        let timestamp = request.header("x-slack-request-timestamp")
        guard freshness.accepts(timestamp), let timestamp else { throw .unauthorized }
        let expected = "v0=" + Signature.hmacSHA256Hex(Array("v0:\(timestamp):".utf8) + request.body, secret: signingSecret)
        guard ConstantTime.equals(request.header("x-slack-signature"), expected) else { throw .unauthorized }
    }

    private func receiveEvent(_ body: [UInt8]) throws(ChannelError) -> ChannelInbound {
        guard let envelope = try? JSONDecoder().decode(SlackEnvelope.self, from: Data(body)) else {
            throw .badRequest("The body is not a Slack event.")
        }
        if envelope.type == "url_verification", let challenge = envelope.challenge {
            return .respond(.json(JSONBody.encode(["challenge": challenge])))
        }
        guard envelope.type == "event_callback", let event = envelope.event, let eventID = envelope.eventID,
            let team = envelope.teamID, let channel = event.channel
        else { return .respond(.acknowledged) }
        // why: bots (FlowLinks itself included), edits, joins and file shares carry no answer.
        guard event.botID == nil, event.subtype == nil, let user = event.user else { return .respond(.acknowledged) }
        let isDirectMessage = event.type == "message" && event.channelType == "im"
        guard isDirectMessage || event.type == "app_mention" else { return .respond(.acknowledged) }
        var context = ["kind": "message", "channel": channel]
        if !isDirectMessage, let thread = event.threadTS { context["thread_ts"] = thread }
        return .event(
            InboundEvent(
                channel: name, eventID: eventID, conversation: "\(team)/\(channel)", participant: user,
                text: Self.readable(event.text ?? ""), context: context))
    }

    private func receiveInteraction(_ payload: String) throws(ChannelError) -> ChannelInbound {
        guard let interaction = try? JSONDecoder().decode(SlackInteraction.self, from: Data(payload.utf8)) else {
            throw .badRequest("The payload is not a Slack interaction.")
        }
        // why: shortcuts, modals and other interactions are not part of the conversation.
        guard interaction.type == "block_actions", let action = interaction.actions?.first, let value = action.value,
            let team = interaction.team?.id, let channel = interaction.channel?.id
        else { return .respond(.acknowledged) }
        let messageTS = interaction.message?.ts ?? interaction.container?.messageTS
        let chosen = action.text?.text ?? value
        var context = ["kind": "button", "channel": channel, "chosen": chosen]
        // why: only a message Slack sent back can be updated; an ephemeral one comes without it.
        if let message = interaction.message {
            context["message_ts"] = message.ts
            context["question"] = message.text ?? ""
            if let thread = message.threadTS { context["thread_ts"] = thread }
        }
        return .event(
            InboundEvent(
                channel: name, eventID: "action:\(messageTS ?? "-"):\(action.actionTS ?? action.actionID)",
                conversation: "\(team)/\(channel)", participant: interaction.user?.id, text: chosen,
                press: ButtonPress(value: value), context: context))
    }

    private func receiveCommand(_ form: FormBody) throws(ChannelError) -> ChannelInbound {
        guard form["command"] != nil else { throw .badRequest("The body is neither a Slack slash command nor an interaction.") }
        guard let team = form["team_id"], let channel = form["channel_id"], let trigger = form["trigger_id"] else {
            throw .badRequest("A slash command needs team_id, channel_id and trigger_id.")
        }
        let typed = (form["text"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        return .event(
            InboundEvent(
                channel: name, eventID: "command:\(trigger)", conversation: "\(team)/\(channel)",
                participant: form["user_id"], text: typed.isEmpty ? "start" : Self.readable(typed),
                context: ["kind": "command", "channel": channel]))
    }

    public func reply(to event: InboundEvent, with replies: [OutboundMessage], context: ReplyContext) -> ChannelReply {
        let messages = render(replies, context: context)
        switch event.context["kind"] {
        case "command":
            // why: the answer to a slash command is its response; Slack shows it to the channel.
            var first = messages.first ?? SlackMessageBody(text: "", blocks: [])
            first.responseType = context.rateLimited ? "ephemeral" : "in_channel"
            let rest = messages.dropFirst().map { post($0, for: event) }
            return ChannelReply(response: .json(JSONBody.encode(first)), followUps: Array(rest))
        case "button" where context.press == .stale:
            // why: the press changed nothing, so the question keeps its buttons; the notice is for
            // the presser alone, as Slack apps answer a button that no longer applies.
            return ChannelReply(response: .acknowledged, followUps: messages.map { postNotice($0, for: event) })
        case "button":
            // why: a refused press (rate limit) answered nothing, so the question keeps its buttons.
            let update = event.context["message_ts"] == nil || context.rateLimited ? [] : [markAnswered(event)]
            return ChannelReply(response: .acknowledged, followUps: update + messages.map { post($0, for: event) })
        default:
            return ChannelReply(response: .acknowledged, followUps: messages.map { post($0, for: event) })
        }
    }

    /// The engine's messages as Slack messages: mrkdwn sections, buttons under the last question.
    func render(_ replies: [OutboundMessage], context: ReplyContext) -> [SlackMessageBody] {
        let text = replies.map(layout.text(of:)).joined(separator: "\n\n")
        let sections = TextSplitter(limit: Self.splitLimit).split(text).map {
            SlackBlock.section(ChoiceLayout.clip(Escaping.mrkdwn($0), to: Self.sectionLimit))
        }
        var groups = stride(from: 0, to: max(sections.count, 1), by: Self.blocksPerMessage).map {
            Array(sections[$0..<min($0 + Self.blocksPerMessage, sections.count)])
        }
        if let question = replies.last, let buttons = buttons(for: question.choices, context: context) {
            groups[groups.count - 1].append(buttons)
        }
        return groups.map { blocks in
            let plain = blocks.compactMap { block -> String? in
                if case .section(let text) = block { text } else { nil }
            }
            return SlackMessageBody(text: plain.joined(separator: "\n\n"), blocks: blocks)
        }
    }

    private func buttons(for choices: [Choice], context: ReplyContext) -> SlackBlock? {
        guard !choices.isEmpty, choices.count <= Self.buttonsPerBlock else { return nil }
        return .buttons(
            choices.map { choice in
                SlackButton(
                    label: layout.buttonLabel(for: choice, among: choices), actionID: "choice-\(choice.number)",
                    value: context.buttonValue(for: choice))
            })
    }

    private func post(_ message: SlackMessageBody, for event: InboundEvent) -> PlatformCall {
        var message = message
        message.channel = event.context["channel"]
        message.threadTS = event.context["thread_ts"]
        return PlatformCall(channel: name, method: "chat.postMessage", body: JSONBody.encode(message))
    }

    /// `chat.postEphemeral` to the person who pressed, where the question is; a plain post when
    /// Slack did not say who pressed.
    private func postNotice(_ message: SlackMessageBody, for event: InboundEvent) -> PlatformCall {
        guard let user = event.participant else { return post(message, for: event) }
        var message = message
        message.channel = event.context["channel"]
        message.threadTS = event.context["thread_ts"]
        message.user = user
        return PlatformCall(channel: name, method: "chat.postEphemeral", body: JSONBody.encode(message))
    }

    /// `chat.update` of the pressed question: its buttons replaced by the answer chosen, so an old
    /// question cannot be answered twice by mistake.
    private func markAnswered(_ event: InboundEvent) -> PlatformCall {
        // why: the question's text comes back from Slack already in mrkdwn; it is not escaped again.
        let question = ChoiceLayout.clip(event.context["question"] ?? "", to: Self.sectionLimit)
        let chosen = "✓ " + Escaping.mrkdwn(event.context["chosen"] ?? event.text)
        let update = SlackMessageBody(
            channel: event.context["channel"], ts: event.context["message_ts"], text: question.isEmpty ? chosen : question,
            blocks: question.isEmpty ? [.context(chosen)] : [.section(question), .context(chosen)])
        return PlatformCall(channel: name, method: "chat.update", body: JSONBody.encode(update))
    }

    /// What a person typed: without the leading @mention of the bot, and with Slack's `&amp;`,
    /// `&lt;` and `&gt;` turned back into the characters typed.
    static func readable(_ text: String) -> String {
        var rest = Substring(text).drop { $0.isWhitespace }
        while rest.hasPrefix("<@"), let close = rest.firstIndex(of: ">") {
            rest = rest[rest.index(after: close)...].drop { $0.isWhitespace }
        }
        return String(rest)
            .replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}

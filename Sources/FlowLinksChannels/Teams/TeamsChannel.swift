import FlowLinksCore
import Foundation

/// Microsoft Teams through the Bot Framework: each activity comes with a bearer token the Bot
/// Connector signed (checked by `TeamsTokenVerifier`); personal chats and channel mentions are
/// messages, a bot added to a conversation sends the welcome, a card's button arrives as a message
/// with `value`. Every reply goes through the outbox to the activity's Bot Connector service.
public struct TeamsChannel: Channel {
    public let name = "teams"
    let verifier: TeamsTokenVerifier
    let layout: ChoiceLayout
    let plainText: PlainText

    /// The method of a queued reply; the sender reads the address from its body.
    public static let replyMethod = "activities"
    /// Text is split into messages of this many characters (Teams takes about 28 KB per message).
    static let textLimit = 4000
    /// Buttons on one card; past this the choices are numbered in the text, and a typed number answers.
    static let maximumButtons = 6
    static let buttonLabelLimit = 80

    public init(verifier: TeamsTokenVerifier, plainText: PlainText) {
        self.verifier = verifier
        self.plainText = plainText
        self.layout = ChoiceLayout(plainText: plainText, buttonLabelLimit: Self.buttonLabelLimit)
    }

    public func receive(_ request: ChannelRequest) async throws(ChannelError) -> ChannelInbound {
        let claimedService = try await verifier.verify(authorization: request.header("authorization"))
        guard request.mediaType == "application/json" else { throw .unsupportedMediaType("application/json") }
        guard let activity = try? JSONDecoder().decode(TeamsActivity.self, from: Data(request.body)) else {
            throw .badRequest("The body is not a Bot Framework activity.")
        }
        guard let serviceURL = activity.serviceURL, let conversation = activity.conversation, let id = activity.id,
            !id.isEmpty, !conversation.id.isEmpty
        else { throw .badRequest("The activity needs id, serviceUrl and conversation.id.") }
        // why: a token is good only for the service it names; a reply must not go anywhere else.
        guard TeamsTokenVerifier.sameService(claimedService, serviceURL) else { throw .unauthorized }
        let details = TeamsDetails(serviceURL: serviceURL, conversationID: conversation.id, activityID: id)
        let participant = activity.from?.id
        switch activity.type {
        case "message":
            if let data = activity.value, let token = data.flowlinks {
                return .event(
                    InboundEvent(
                        channel: name, eventID: id, conversation: conversation.id, participant: participant,
                        text: data.label ?? token, press: ButtonPress(value: token), details: details,
                        locale: activity.locale))
            }
            return .event(
                InboundEvent(
                    channel: name, eventID: id, conversation: conversation.id, participant: participant,
                    text: activity.textWithoutMentions, details: details, locale: activity.locale))
        case "conversationUpdate" where activity.addsTheBot:
            // why: the bot was added to a chat or team: it greets, as a first message would.
            return .event(
                InboundEvent(
                    channel: name, eventID: id, conversation: conversation.id, participant: participant, text: "start",
                    details: details, locale: activity.locale))
        default:
            // why: edits, deletions, reactions, typing and other updates carry no answer.
            return .respond(.acknowledged)
        }
    }

    public func reply(to event: InboundEvent, with replies: [OutboundMessage], context: ReplyContext) -> ChannelReply {
        guard let details = event.details(as: TeamsDetails.self) else { return ChannelReply(response: .acknowledged) }
        let question = replies.last.flatMap { $0.choices.isEmpty || context.isNotice ? nil : $0 }
        let buttons = question.map { $0.choices.count <= Self.maximumButtons } ?? false
        let texts = replies.map { buttons ? layout.text(of: $0) : plainText.render($0) }
        var parts = TextSplitter(limit: Self.textLimit).split(texts.joined(separator: "\n\n"))
        var activities: [TeamsOutgoing.Activity] = []
        if buttons, let question, let last = parts.popLast() {
            activities = parts.map { TeamsOutgoing.Activity(text: $0) }
            activities.append(TeamsOutgoing.Activity(text: "", attachments: [card(last, for: question, context: context)]))
        } else {
            activities = parts.map { TeamsOutgoing.Activity(text: $0) }
        }
        let calls = activities.map { activity in
            var activity = activity
            activity.replyToID = details.activityID
            let outgoing = TeamsOutgoing(
                serviceURL: details.serviceURL, conversationID: details.conversationID, activity: activity)
            return PlatformCall(channel: name, method: Self.replyMethod, body: JSONBody.encode(outgoing))
        }
        return ChannelReply(response: .acknowledged, followUps: calls)
    }

    /// An Adaptive Card with the question's text and one button per choice, each carrying its press token.
    private func card(_ text: String, for question: OutboundMessage, context: ReplyContext) -> TeamsOutgoing.Attachment {
        let actions = question.choices.map { choice in
            let label = layout.buttonLabel(for: choice, among: question.choices)
            return AdaptiveCard.SubmitAction(
                title: label, data: .init(flowlinks: context.buttonValue(for: choice), label: choice.label))
        }
        return TeamsOutgoing.Attachment(content: AdaptiveCard(body: [.init(text: text)], actions: actions))
    }
}

import FlowLinksCore
import Foundation

/// A Mattermost outgoing webhook: the token travels in the body; the reply is JSON in the response.
public struct MattermostChannel: Channel {
    public let name = "mattermost"
    let token: String
    let plainText: PlainText

    public init(token: String, plainText: PlainText) {
        self.token = token
        self.plainText = plainText
    }

    public func receive(_ request: ChannelRequest) throws(ChannelError) -> ChannelInbound {
        let fields = try Self.fields(of: request)
        guard ConstantTime.equals(fields["token"], token) else { throw .unauthorized }
        guard let postID = fields["post_id"], !postID.isEmpty else { throw .badRequest("Missing field \"post_id\".") }
        guard let channelID = fields["channel_id"], !channelID.isEmpty else {
            throw .badRequest("Missing field \"channel_id\".")
        }
        var text = fields["text"] ?? ""
        if let trigger = fields["trigger_word"], !trigger.isEmpty, text.hasPrefix(trigger) {
            text = String(text.dropFirst(trigger.count)).trimmingCharacters(in: .whitespaces)
        }
        return .event(
            InboundEvent(channel: name, eventID: postID, conversation: channelID, participant: fields["user_id"], text: text))
    }

    public func reply(to event: InboundEvent, with replies: [OutboundMessage], context: ReplyContext) -> ChannelReply {
        let text = Escaping.mattermostMarkdown(replies.map(plainText.render).joined(separator: "\n\n"))
        return ChannelReply(response: .json(JSONBody.encode(["text": text])))
    }

    /// Mattermost posts either form fields or JSON, depending on the webhook's content type setting.
    private static func fields(of request: ChannelRequest) throws(ChannelError) -> [String: String] {
        switch request.mediaType {
        case "application/x-www-form-urlencoded":
            guard let form = FormBody(request.body) else { throw .badRequest("The body is not valid form encoding.") }
            return Dictionary(form.fields.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
        case "application/json":
            guard String(validating: request.body, as: UTF8.self) != nil,
                let object = try? JSONSerialization.jsonObject(with: Data(request.body)) as? [String: Any]
            else { throw .badRequest("The body is not valid JSON.") }
            return object.compactMapValues { value in
                switch value {
                case let text as String: text
                case let number as NSNumber: number.stringValue
                default: nil
                }
            }
        default:
            throw .unsupportedMediaType("application/x-www-form-urlencoded or application/json")
        }
    }
}

import FlowLinksCore
import Foundation

/// Twilio Programmable Messaging, for SMS and WhatsApp: form posts signed with
/// `X-Twilio-Signature`, replies as TwiML in the response.
public struct TwilioChannel: Channel {
    public let name = "twilio"
    let authToken: String
    /// The webhook URL exactly as configured in Twilio; the signature covers it, not the Host header.
    let publicURL: String
    let plainText: PlainText

    /// Twilio's limit for one message's body.
    static let messageLimit = 1600

    public init(authToken: String, publicURL: String, plainText: PlainText) {
        self.authToken = authToken
        self.publicURL = publicURL
        self.plainText = plainText
    }

    public func receive(_ request: ChannelRequest) throws(ChannelError) -> ChannelInbound {
        guard request.mediaType == "application/x-www-form-urlencoded" else {
            throw .unsupportedMediaType("application/x-www-form-urlencoded")
        }
        guard let form = FormBody(request.body) else { throw .badRequest("The body is not valid form encoding.") }
        let url = request.query.map { "\(publicURL)?\($0)" } ?? publicURL
        guard
            TwilioSignature.isValid(
                request.header("x-twilio-signature"), url: url, parameters: form.fields, authToken: authToken)
        else { throw .unauthorized }
        guard let messageSID = form["MessageSid"], !messageSID.isEmpty else {
            throw .badRequest("Missing field \"MessageSid\".")
        }
        guard let from = form["From"], !from.isEmpty else { throw .badRequest("Missing field \"From\".") }
        // why: a WhatsApp quick-reply button sends its payload; plain SMS sends only the body. A
        // payload is a press only when it is a press token; one a template's author chose is words.
        let payload = form["ButtonPayload"].flatMap { $0.isEmpty ? nil : $0 }
        if let press = payload.flatMap(ChoicePress.init(token:)) {
            let label = form["ButtonText"] ?? form["Body"] ?? ""
            return .event(
                InboundEvent(
                    channel: name, eventID: messageSID, conversation: from, participant: from,
                    text: label.isEmpty ? press.token : label, press: .choice(press)))
        }
        let text = payload ?? form["Body"] ?? ""
        return .event(InboundEvent(channel: name, eventID: messageSID, conversation: from, participant: from, text: text))
    }

    public func reply(to event: InboundEvent, with replies: [OutboundMessage], context: ReplyContext) -> ChannelReply {
        let text = replies.map(plainText.render).joined(separator: "\n\n")
        let messages = TextSplitter(limit: Self.messageLimit).split(text)
            .map { "<Message>\(Escaping.xml($0))</Message>" }
        let twiml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>\(messages.joined())</Response>"
        return ChannelReply(
            response: ChannelResponse(status: 200, contentType: "text/xml; charset=utf-8", body: Array(twiml.utf8)))
    }
}

import FlowLinksCore
import Foundation

/// The web chat at `/chat`: a person's browser holds the conversation. Each request is the chat
/// page's own form post. The conversation is the random id in the `flowlinks_chat` cookie; the
/// form's token must match the `flowlinks_chat_csrf` cookie; each rendering of the form carries a
/// fresh message id, so a form sent twice is one turn. A page that asks for JSON (the script)
/// gets the new messages; a plain form post is sent back to the page (post, redirect, get).
public struct WebChatChannel: Channel {
    public let name = "webchat"

    public init() {}

    /// The longest answer taken, in characters; the engine keeps at most as much.
    static let maxTextLength = 2000

    public func receive(_ request: ChannelRequest) throws(ChannelError) -> ChannelInbound {
        guard request.mediaType == "application/x-www-form-urlencoded" else {
            throw .unsupportedMediaType("application/x-www-form-urlencoded")
        }
        let cookies = WebChatCookies(header: request.header("cookie"))
        guard let conversation = cookies.conversation, let expected = cookies.csrf else {
            throw .badRequest(
                "This chat keeps your place with a cookie, and your browser did not send it. Allow cookies for this "
                    + "site, and open it with https://, then reload the page.")
        }
        guard let form = FormBody(request.body) else { throw .badRequest("The form could not be read.") }
        guard let token = form["csrf"], !token.isEmpty, ConstantTime.equals(token, expected) else {
            throw .badRequest("This page has expired. Reload it and send your answer again.")
        }
        guard let messageID = form["message_id"], WebChatCookies.isToken(messageID, lengths: 8...64) else {
            throw .badRequest("The form is missing its message id. Reload the page and send your answer again.")
        }
        let accept = request.header("accept") ?? ""
        let details = WebChatDetails(wantsJSON: accept.contains("application/json"), page: form["page"] ?? "/chat")
        let locale = AcceptLanguage.preferred(request.header("accept-language"))
        if let value = form["choice"], !value.isEmpty {
            let label = form["label"].map { String($0.prefix(Self.maxTextLength)) } ?? value
            return .event(
                InboundEvent(
                    channel: name, eventID: messageID, conversation: conversation, participant: nil, text: label,
                    press: ButtonPress(value: value), details: details, locale: locale))
        }
        let text = form["text"] ?? ""
        guard text.count <= Self.maxTextLength else {
            throw .badRequest("That answer is longer than \(Self.maxTextLength) characters. Please shorten it.")
        }
        return .event(
            InboundEvent(
                channel: name, eventID: messageID, conversation: conversation, participant: nil, text: text,
                details: details, locale: locale))
    }

    /// JSON of the new messages for the page's script; for a plain form post, back to the page.
    public func reply(to event: InboundEvent, with replies: [OutboundMessage], context: ReplyContext) -> ChannelReply {
        let details = event.details(as: WebChatDetails.self)
        guard details?.wantsJSON == true else {
            let page = Self.returnPage(details?.page)
            let location = context.rateLimited ? page + "?slow=1#latest" : page + "#latest"
            return ChannelReply(response: ChannelResponse(status: 303, headers: ["Location": location]))
        }
        let body = WebChatReply(context: context, messages: replies).json
        return ChannelReply(response: .json(body, status: context.rateLimited ? 429 : 200))
    }

    /// Where a plain form post returns: the chat page it came from, never another site.
    static func returnPage(_ page: String?) -> String {
        guard let page,
            page == "/chat" || (page.hasPrefix("/chat/") && WebChatCookies.isToken(String(page.dropFirst(6)), lengths: 1...32))
        else { return "/chat" }
        return page
    }
}

/// The web chat's two cookies, read from a `Cookie` header.
public struct WebChatCookies: Sendable {
    public static let conversationName = "flowlinks_chat"
    public static let csrfName = "flowlinks_chat_csrf"

    /// The conversation's random id, when the browser sent a well-formed one.
    public let conversation: String?
    public let csrf: String?

    public init(header: String?) {
        var values: [String: String] = [:]
        for pair in (header ?? "").split(separator: ";") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.count == 2, values[parts[0]] == nil { values[parts[0]] = parts[1] }
        }
        conversation = values[Self.conversationName].flatMap { Self.isToken($0, lengths: 32...64) ? $0 : nil }
        csrf = values[Self.csrfName].flatMap { Self.isToken($0, lengths: 32...64) ? $0 : nil }
    }

    /// Letters, digits, `-` and `_` only, of a length in `lengths`: what this server hands out.
    public static func isToken(_ text: String, lengths: ClosedRange<Int>) -> Bool {
        lengths.contains(text.utf8.count)
            && text.utf8.allSatisfy { byte in
                (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                    || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-")
                    || byte == UInt8(ascii: "_")
            }
    }
}

import FlowLinksCore
import Foundation

/// Any system that can call a JSON webhook: `POST /webhooks/generic` with a bearer token, the
/// reply in the response. Described in `docs/openapi.yaml`.
public struct GenericChannel: Channel {
    public let name = "generic"
    /// The bearer token; `nil` only for a server bound to loopback in development.
    let token: String?

    public init(token: String?) { self.token = token }

    /// Headers a reverse proxy adds to what it forwards.
    static let proxyHeaders = ["forwarded", "x-forwarded-for", "x-real-ip"]

    public func receive(_ request: ChannelRequest) throws(ChannelError) -> ChannelInbound {
        if let token {
            let presented = request.header("authorization").flatMap { value -> String? in
                let parts = value.split(separator: " ", maxSplits: 1)
                guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
                return String(parts[1])
            }
            guard ConstantTime.equals(presented, token) else { throw .unauthorized }
        } else if Self.proxyHeaders.contains(where: { request.header($0) != nil }) {
            // why: without a token the channel trusts loopback; a request a reverse proxy forwarded
            // only looks local, and may come from anywhere on the internet.
            throw .unauthorized
        }
        guard request.mediaType == "application/json" else { throw .unsupportedMediaType("application/json") }
        let message = try GenericMessage.decode(request.body)
        return .event(
            InboundEvent(
                channel: name, eventID: message.messageID, conversation: message.conversation,
                participant: message.participant, text: message.text, locale: message.locale))
    }

    /// The JSON reply, with the session it belongs to and whether it repeats an earlier answer.
    public func reply(to event: InboundEvent, with replies: [OutboundMessage], context: ReplyContext) -> ChannelReply {
        let body = GenericReply(sessionID: context.sessionID, replay: context.replayed, messages: replies)
        return ChannelReply(response: .json(body.json, status: context.rateLimited ? 429 : 200))
    }
}

/// The request body of the generic channel.
struct GenericMessage: Decodable {
    let conversation: String
    let participant: String?
    let messageID: String
    let text: String
    /// The person's language ("es", "es-MX"), which may choose the language of a new conversation.
    let locale: String?

    enum CodingKeys: String, CodingKey {
        case conversation, participant, text, locale
        case messageID = "message_id"
    }

    static let maxFieldLength = 200
    /// BCP 47 tags in practice stay well under this ("zh-Hant-TW").
    static let maxLocaleLength = 35

    static func decode(_ body: [UInt8]) throws(ChannelError) -> GenericMessage {
        guard String(validating: body, as: UTF8.self) != nil else { throw .badRequest("The body is not valid UTF-8.") }
        let message: GenericMessage
        do {
            message = try JSONDecoder().decode(GenericMessage.self, from: Data(body))
        } catch let DecodingError.keyNotFound(key, _) {
            throw .badRequest("Missing field \"\(key.stringValue)\".")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            guard !context.codingPath.isEmpty else {
                throw .badRequest("The body must be a JSON object with \"conversation\", \"message_id\" and \"text\".")
            }
            let field = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw .badRequest("Field \"\(field)\" has the wrong type: it must be a string.")
        } catch {
            throw .badRequest("The body is not valid JSON.")
        }
        for (field, value) in [("conversation", message.conversation), ("message_id", message.messageID)] {
            // why: counted in code points, as JSON Schema's maxLength in docs/openapi.yaml counts them.
            guard !value.trimmed(of: .whitespaces).isEmpty, value.unicodeScalars.count <= maxFieldLength else {
                throw .badRequest("Field \"\(field)\" must be 1 to \(maxFieldLength) characters.")
            }
        }
        if let participant = message.participant, participant.unicodeScalars.count > maxFieldLength {
            throw .badRequest("Field \"participant\" must be at most \(maxFieldLength) characters.")
        }
        if let locale = message.locale, locale.unicodeScalars.count > maxLocaleLength {
            throw .badRequest("Field \"locale\" must be at most \(maxLocaleLength) characters, such as \"es\" or \"es-MX\".")
        }
        return message
    }
}

/// The response body of the generic channel, as `docs/openapi.yaml` describes it.
struct GenericReply {
    let sessionID: Int64?
    let replay: Bool
    let messages: [OutboundMessage]

    /// `{"messages":[{"choices":[…],"text":…}],"replay":…,"session_id":…}`, keys sorted as in the
    /// other channels' bodies; `session_id` is always present, null after an erasure, so clients
    /// can rely on the key.
    // why: written on every turn; writing the bytes directly costs a fraction of `JSONEncoder`.
    var json: [UInt8] {
        var writer = JSONWriter()
        writer.raw("{\"messages\":")
        writer.array(messages) { writer, message in
            writer.raw("{\"choices\":")
            writer.array(message.choices) { writer, choice in
                writer.raw("{\"label\":")
                writer.string(choice.label)
                writer.raw(",\"number\":")
                writer.number(choice.number)
                writer.raw(",\"short_label\":")
                writer.string(choice.shortLabel)
                writer.raw(",\"value\":")
                writer.string(choice.value)
                writer.raw("}")
            }
            writer.raw(",\"text\":")
            writer.string(message.text)
            writer.raw("}")
        }
        writer.raw(",\"replay\":")
        writer.bool(replay)
        writer.raw(",\"session_id\":")
        writer.number(sessionID)
        writer.raw("}")
        return writer.bytes
    }
}

/// JSON for bodies the channels build themselves: sorted keys, unescaped slashes.
public enum JSONBody {
    public static func encode(_ value: some Encodable) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // why: these bodies are plain structs of strings and numbers; encoding them cannot fail.
        return (try? Array(encoder.encode(value))) ?? Array("{}".utf8)
    }
}

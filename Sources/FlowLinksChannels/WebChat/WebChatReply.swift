import FlowLinksCore

/// The web chat's JSON reply to its page's script:
/// `{"messages":[{"choices":[{"label","number","value"}],"notice":…,"text":…}],"session_id":…}`.
struct WebChatReply {
    let context: ReplyContext
    let messages: [OutboundMessage]

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
                writer.raw(",\"value\":")
                writer.string(context.buttonValue(for: choice))
                writer.raw("}")
            }
            writer.raw(",\"notice\":")
            writer.bool(message.notice != nil || context.rateLimited)
            writer.raw(",\"text\":")
            writer.string(message.text)
            writer.raw("}")
        }
        writer.raw(",\"session_id\":")
        writer.number(context.sessionID)
        writer.raw("}")
        return writer.bytes
    }
}

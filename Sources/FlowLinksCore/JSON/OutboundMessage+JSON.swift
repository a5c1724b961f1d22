/// Messages and choices as JSON text, in the form `JSONDecoder` reads back into them.
// why: stored with every turn (the dedupe record, the transcript's choices); see `JSONWriter`.
extension OutboundMessage {
    /// `[{"text":…,"choices":[…]}]`, with `"notice"` when there is one, as `JSONEncoder` writes
    /// `[OutboundMessage]`.
    public static func json(_ messages: [OutboundMessage]) -> [UInt8] {
        var writer = JSONWriter()
        writer.array(messages) { writer, message in
            writer.raw("{\"text\":")
            writer.string(message.text)
            writer.raw(",\"choices\":")
            Choice.write(message.choices, to: &writer)
            if let notice = message.notice {
                writer.raw(",\"notice\":")
                writer.string(notice.rawValue)
            }
            writer.raw("}")
        }
        return writer.bytes
    }
}

extension Choice {
    /// `[{"number":1,"value":…,"label":…,"shortLabel":…}]`, with `"question"` when there is one, as
    /// `JSONEncoder` writes `[Choice]`.
    public static func json(_ choices: [Choice]) -> [UInt8] {
        var writer = JSONWriter(capacity: 128 * choices.count)
        write(choices, to: &writer)
        return writer.bytes
    }

    static func write(_ choices: [Choice], to writer: inout JSONWriter) {
        writer.array(choices) { writer, choice in
            writer.raw("{\"number\":")
            writer.number(choice.number)
            writer.raw(",\"value\":")
            writer.string(choice.value)
            writer.raw(",\"label\":")
            writer.string(choice.label)
            writer.raw(",\"shortLabel\":")
            writer.string(choice.shortLabel)
            if let question = choice.question {
                writer.raw(",\"question\":")
                writer.string(question.text)
            }
            writer.raw("}")
        }
    }
}

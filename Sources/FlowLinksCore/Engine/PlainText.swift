/// Writes a message as plain text with its choices as numbered lines, for channels without buttons.
public struct PlainText: Sendable {
    let language: Language

    public init(script: Script) { self.language = script.language }

    public func render(_ message: OutboundMessage) -> String {
        let lines = message.choices.map {
            language.message(.choiceLine).render(["number": "\($0.number)", "label": $0.label])
        }
        // why: a re-prompt already lists the choices in its text; do not list them twice.
        guard !lines.isEmpty, !message.text.contains(lines[0]) else { return message.text }
        return ([message.text, ""] + lines).joined(separator: "\n")
    }
}

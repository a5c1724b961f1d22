/// Writes a message as plain text with its choices as numbered lines, for channels without buttons.
public struct PlainText: Sendable {
    let language: Language

    public init(script: Script) { self.language = script.language }

    public func render(_ message: OutboundMessage) -> String {
        // why: an unnumbered choice (a confirmation's Yes) is already asked for in the text.
        let lines = message.choices.filter { $0.number > 0 }.map {
            language.message(.choiceLine).render(["number": "\($0.number)", "label": $0.label])
        }
        // why: a re-prompt already lists the choices in its text; do not list them twice.
        guard !lines.isEmpty, !message.text.contains(lines[0]) else { return message.text }
        return ([message.text, ""] + lines).joined(separator: "\n")
    }
}

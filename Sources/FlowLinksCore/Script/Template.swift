/// A sentence with `{name}` placeholders, filled in when a message is sent.
public struct Template: Sendable, Equatable {
    public let text: String

    public init(_ text: String) { self.text = text }

    /// The placeholder names the text uses, in order of appearance.
    public var placeholders: [String] {
        var names: [String] = []
        var rest = text[...]
        while let open = rest.firstIndex(of: "{") {
            let afterOpen = rest.index(after: open)
            guard let close = rest[afterOpen...].firstIndex(of: "}") else { break }
            names.append(String(rest[afterOpen..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }

    /// The text with each `{name}` replaced; unknown names are left as they are.
    public func render(_ values: [String: String] = [:]) -> String {
        // why: searched byte by byte rather than character by character (grapheme breaking made
        // rendering the questions a large share of a turn); braces are ASCII, so the indices found
        // are valid character boundaries.
        let open = UInt8(ascii: "{")
        let close = UInt8(ascii: "}")
        var output = ""
        var rest = text[...]
        while let opening = rest.utf8.firstIndex(of: open) {
            let afterOpening = rest.utf8.index(after: opening)
            guard let closing = rest.utf8[afterOpening...].firstIndex(of: close) else { break }
            output += rest[..<opening]
            let name = String(rest[afterOpening..<closing])
            output += values[name] ?? "{\(name)}"
            rest = rest[rest.utf8.index(after: closing)...]
        }
        return output.isEmpty ? String(rest) : output + rest
    }
}

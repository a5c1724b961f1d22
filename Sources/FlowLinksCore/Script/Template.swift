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
        var output = ""
        var rest = text[...]
        while let open = rest.firstIndex(of: "{") {
            let afterOpen = rest.index(after: open)
            guard let close = rest[afterOpen...].firstIndex(of: "}") else { break }
            output += rest[..<open]
            let name = String(rest[afterOpen..<close])
            output += values[name] ?? "{\(name)}"
            rest = rest[rest.index(after: close)...]
        }
        return output + rest
    }
}

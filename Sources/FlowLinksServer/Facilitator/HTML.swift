/// A piece of HTML. Interpolated values are escaped unless they are `HTML` themselves, so user
/// text (a participant can type `<script>`) is always shown as text.
public struct HTML: Sendable, Equatable, ExpressibleByStringInterpolation {
    public let text: String

    public init(stringLiteral value: String) { text = value }

    public init(stringInterpolation: Interpolation) { text = stringInterpolation.text }

    init(trusted text: String) { self.text = text }

    public struct Interpolation: StringInterpolationProtocol {
        var text = ""

        public init(literalCapacity: Int, interpolationCount: Int) { text.reserveCapacity(literalCapacity * 2) }

        public mutating func appendLiteral(_ literal: String) { text += literal }

        /// Text, escaped for element content and quoted attributes.
        public mutating func appendInterpolation(_ value: some CustomStringConvertible) {
            text += HTML.escape(value.description)
        }

        /// HTML built the same safe way.
        public mutating func appendInterpolation(_ html: HTML) { text += html.text }

        /// A list of HTML pieces, one after another.
        public mutating func appendInterpolation(_ pieces: [HTML]) { text += pieces.map(\.text).joined() }
    }

    /// Escapes `& < > " '` so text cannot open a tag or leave an attribute.
    public static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}

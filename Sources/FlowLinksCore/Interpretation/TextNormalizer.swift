import Foundation

/// Puts replies and vocabulary in one comparable form: lower case, no accents, plain quotes,
/// single spaces, no surrounding punctuation.
public enum TextNormalizer {
    public static func normalize(_ text: String) -> String {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            .replacingOccurrences(of: "\u{2019}", with: "'")
            .replacingOccurrences(of: "\u{2018}", with: "'")
        let words = folded.split(whereSeparator: { $0.isWhitespace })
        let joined = words.joined(separator: " ")
        return joined.trimmingCharacters(in: trimmable)
    }

    /// The words of a normalized text, without punctuation.
    public static func words(_ normalized: String) -> [String] {
        normalized.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "'" || $0 == "-") })
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "'-")) }
            .filter { !$0.isEmpty }
    }

    // why: "?" stays, so that "?" can be a command word; "!" and "." do not matter to meaning.
    private static let trimmable = CharacterSet.whitespacesAndNewlines
        .union(CharacterSet(charactersIn: ".,;:!¡¿\"'()[]*_~`-–—"))
}

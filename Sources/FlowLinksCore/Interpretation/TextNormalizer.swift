import Foundation

/// Puts replies and vocabulary in one comparable form: lower case, no accents, plain quotes,
/// single spaces, no surrounding punctuation.
public enum TextNormalizer {
    public static func normalize(_ text: String) -> String {
        let words = fold(text).split(whereSeparator: { $0.isWhitespace })
        return words.joined(separator: " ").trimmingCharacters(in: trimmable)
    }

    /// The words of a text, normalized, without punctuation; emoji count as words.
    public static func words(_ text: String) -> [String] {
        tokens(text).map(\.word)
    }

    /// The words of a text with where each ends in it, so the rest of a reply can be kept as typed.
    static func tokens(_ text: String) -> [(word: String, end: String.Index)] {
        var tokens: [(word: String, end: String.Index)] = []
        var start: String.Index?
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if isSeparator(character) {
                if let wordStart = start { tokens.append((fold(String(text[wordStart..<index])), index)) }
                start = nil
            } else if start == nil {
                start = index
            }
            index = text.index(after: index)
        }
        if let wordStart = start { tokens.append((fold(String(text[wordStart...])), text.endIndex)) }
        return tokens.map { (word: $0.word.trimmingCharacters(in: CharacterSet(charactersIn: "'-")), end: $0.end) }
            .filter { !$0.word.isEmpty }
    }

    private static func fold(_ text: String) -> String {
        // why: most replies are plain ASCII, where folding is lower-casing; Foundation's folding is slow.
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
        return text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            .replacingOccurrences(of: "\u{2019}", with: "'")
            .replacingOccurrences(of: "\u{2018}", with: "'")
    }

    // why: apostrophes and hyphens belong to words ("can't", "co-host"); other punctuation,
    // dashes included, separates them ("yes—partners").
    private static func isSeparator(_ character: Character) -> Bool {
        if character.isWhitespace { return true }
        if ["'", "-", "\u{2019}", "\u{2018}"].contains(character) { return false }
        return character.isPunctuation
    }

    // why: "?" stays, so that "?" can be a command word; "!" and "." do not matter to meaning.
    private static let trimmable = CharacterSet.whitespacesAndNewlines
        .union(CharacterSet(charactersIn: ".,;:!¡¿\"'()[]*_~`-–—"))
}

import Foundation

/// Puts replies and vocabulary in one comparable form: lower case, no accents, plain quotes,
/// single spaces, no surrounding punctuation.
public enum TextNormalizer {
    public static func normalize(_ text: String) -> String {
        let folded = fold(text)
        let words: [Substring] =
            isASCII(folded)
            ? wordRanges(folded.utf8, isSeparator: { asciiWhitespace[Int($0)] }).map { folded[$0] }
            : folded.split(whereSeparator: { $0.isWhitespace })
        return words.joined(separator: " ").trimmed(of: trimmable)
    }

    /// The words of a text, normalized, without punctuation; emoji count as words.
    public static func words(_ text: String) -> [String] {
        tokens(text).map(\.word)
    }

    /// The words of a text with where each stands in it, so the rest of a reply can be kept as typed.
    static func tokens(_ text: String) -> [(word: String, range: Range<String.Index>)] {
        let ranges =
            isASCII(text)
            ? wordRanges(text.utf8, isSeparator: { asciiSeparators[Int($0)] })
            : wordRanges(text, isSeparator: isSeparator)
        return ranges.map { (word: fold(String(text[$0])).trimmed(of: apostrophesAndHyphens), range: $0) }
            .filter { !$0.word.isEmpty }
    }

    /// The stretches of `view` between separators.
    // why: most replies are ASCII, and their bytes are read instead of their characters (no
    // grapheme breaking, no Unicode property lookups); the byte tables below are made from the
    // character rules, so both read the same words.
    private static func wordRanges<View: BidirectionalCollection>(
        _ view: View, isSeparator: (View.Element) -> Bool
    ) -> [Range<String.Index>] where View.Index == String.Index {
        var ranges: [Range<String.Index>] = []
        var start: String.Index?
        var index = view.startIndex
        while index < view.endIndex {
            if isSeparator(view[index]) {
                if let wordStart = start { ranges.append(wordStart..<index) }
                start = nil
            } else if start == nil {
                start = index
            }
            index = view.index(after: index)
        }
        if let wordStart = start { ranges.append(wordStart..<view.endIndex) }
        return ranges
    }

    private static func isASCII(_ text: String) -> Bool { text.utf8.allSatisfy { $0 < 0x80 } }

    private static let asciiWhitespace = (0..<128).map { Character(Unicode.Scalar(UInt8($0))).isWhitespace }
    private static let asciiSeparators = (0..<128).map { isSeparator(Character(Unicode.Scalar(UInt8($0)))) }

    private static func fold(_ text: String) -> String {
        // why: most replies are plain ASCII, where folding is lower-casing; Foundation's folding is slow.
        if isASCII(text) { return text.lowercased() }
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

    private static let apostrophesAndHyphens = CharacterSet(charactersIn: "'-")

    // why: "?" stays, so that "?" can be a command word; "!" and "." do not matter to meaning.
    private static let trimmable = CharacterSet.whitespacesAndNewlines
        .union(CharacterSet(charactersIn: ".,;:!¡¿\"'()[]*_~`-–—"))
}

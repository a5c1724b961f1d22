import Foundation

/// A reply split for reading: each word normalized and stemmed, and where its clauses break.
struct ReplyTokens {
    /// One word of the reply.
    struct Token {
        /// The normalized word ("don't"); a hyphenated word gives one token per part ("co", "design").
        var word: String
        /// What the vocabulary is matched against: the stem, "not" for every negator.
        var stem: String
        /// Where the word stands in the reply as typed.
        let range: Range<String.Index>
        /// Punctuation stands between this word and the one before it: a new clause starts here.
        let startsClause: Bool
        /// Which clause of the reply the word is in, from 0.
        let clause: Int
        /// A function word that never decides between options.
        let isIgnored: Bool
        var isNegator: Bool
        /// The last word of a comparison ("more than"): it sets what follows aside, but alone says no no.
        var isComparison = false
        /// The word was read as a typo of a vocabulary word.
        var corrected = false
    }

    let text: String
    var tokens: [Token]

    /// The stem every negator is matched as, in the vocabulary and in replies.
    static let negation = "not"

    // why: a long message is a story, not a choice; its first words carry the choice if any, and
    // reading every word of 2,000 characters would cost more than the rest of the turn.
    static let readingLimit = 60

    init(_ text: String, language: Language) {
        self.text = text
        let rules = language.reading
        var tokens: [Token] = []
        var previousEnd = text.startIndex
        var clause = 0
        for (word, range) in TextNormalizer.tokens(text).prefix(Self.readingLimit) {
            let startsClause = !tokens.isEmpty && text[previousEnd..<range.lowerBound].contains(where: Self.breaksClause)
            if startsClause { clause += 1 }
            let parts = word.contains("-") ? word.split(separator: "-").map(String.init) : [word]
            for (index, part) in parts.enumerated() {
                let negator = rules.isNegator(part)
                let ignored = rules.ignoredWords.contains(part)
                let stem = negator ? Self.negation : (ignored ? part : Self.stem(part, language: language))
                tokens.append(
                    Token(
                        word: part, stem: stem, range: range, startsClause: index == 0 && startsClause, clause: clause,
                        isIgnored: ignored, isNegator: negator))
            }
            previousEnd = range.upperBound
        }
        self.tokens = tokens
        markComparisons(rules)
    }

    /// "more than informing", "instead of consulting": the comparison's last word negates what follows.
    private mutating func markComparisons(_ rules: ReadingRules) {
        let words = self.words
        for start in words.indices {
            guard let length = PhraseMatch.prefix(of: words[start...], among: rules.comparisons)?.length else { continue }
            let last = start + length - 1
            tokens[last].isNegator = true
            tokens[last].isComparison = true
            tokens[last].stem = Self.negation
        }
    }

    var words: [String] { tokens.map(\.word) }

    /// Replaces a word read as a typo by the vocabulary word it stands for.
    mutating func correct(_ index: Int, to word: String, language: Language) {
        tokens[index].word = word
        tokens[index].stem = Self.stem(word, language: language)
        tokens[index].corrected = true
    }

    /// Whether a clause break stands between two token positions.
    func clauseBreaks(after from: Int, through to: Int) -> Bool {
        tokens[from].clause != tokens[to].clause
    }

    /// What follows the first `count` tokens, as typed, without leading separators or "because".
    func note(after count: Int, openers: [String]) -> String? {
        guard count > 0, count <= tokens.count else { return count == 0 ? text : nil }
        let rest = text[tokens[count - 1].range.upperBound...].trimmed(of: Self.separators)
        let connective = openers.map { $0 + " " }.first { rest.lowercased().hasPrefix($0) }
        let note = connective.map { String(rest.dropFirst($0.count)) } ?? rest
        return note.isEmpty ? nil : note
    }

    /// The whole reply as a note when it says more than the choice.
    // why: a short reply is just the option in other words; a longer one carries context worth keeping.
    var contextNote: String? { tokens.count >= 5 ? text : nil }

    static func stem(_ word: String, language: Language) -> String {
        // why: numbers and emoji have no word forms; the stemmer is for letters.
        guard word.unicodeScalars.contains(where: { $0.properties.isAlphabetic }) else { return word }
        let stem = language.stemmer.stem(word)
        // why: "ones" is not "one": another form of a number word keeps its own, so "we're the only
        // ones" does not read as "only one".
        if stem != word, language.reading.numbers[stem] != nil { return word }
        return stem
    }

    private static func breaksClause(_ character: Character) -> Bool {
        ",;.:!?()[]\u{2013}\u{2014}-\n…".contains(character)
    }

    private static let separators = CharacterSet.whitespacesAndNewlines.union(CharacterSet(charactersIn: ",.;:!?%-–—()[]\"'"))
}

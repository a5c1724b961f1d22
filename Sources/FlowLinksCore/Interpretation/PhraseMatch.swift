/// Finds vocabulary phrases in a reply, word by word.
struct PhraseMatch {
    /// Words of the phrase matched.
    let length: Int

    /// The longest of `phrases` (each given as its words) that the words start with.
    static func prefix(of words: [String], among phrases: [[String]]) -> PhraseMatch? {
        phrases.compactMap { phraseWords -> PhraseMatch? in
            guard !phraseWords.isEmpty, words.starts(with: phraseWords) else { return nil }
            return PhraseMatch(length: phraseWords.count)
        }.max { $0.length < $1.length }
    }

    /// The longest of `phrases` found anywhere in the words, as whole words.
    static func anywhere(in words: [String], among phrases: [[String]]) -> PhraseMatch? {
        phrases.compactMap { phraseWords -> PhraseMatch? in
            guard !phraseWords.isEmpty, words.count >= phraseWords.count else { return nil }
            let found = (0...(words.count - phraseWords.count)).contains { start in
                Array(words[start..<(start + phraseWords.count)]) == phraseWords
            }
            return found ? PhraseMatch(length: phraseWords.count) : nil
        }.max { $0.length < $1.length }
    }
}

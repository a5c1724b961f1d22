/// Finds vocabulary phrases in a reply, word by word.
struct PhraseMatch {
    /// Words of the phrase matched.
    let length: Int

    /// The longest of `phrases` (each given as its words) that the words start with.
    static func prefix(of words: some Collection<String>, among phrases: [[String]]) -> PhraseMatch? {
        guard let first = words.first else { return nil }
        var longest = 0
        // why: read on every word of every reply; comparing first words before whole phrases, and
        // without building arrays, keeps it cheap.
        for phrase in phrases where phrase.count > longest && phrase.first == first && words.starts(with: phrase) {
            longest = phrase.count
        }
        return longest > 0 ? PhraseMatch(length: longest) : nil
    }

    /// The longest of `phrases` found anywhere in the words, as whole words.
    static func anywhere(in words: [String], among phrases: [[String]]) -> PhraseMatch? {
        var longest = 0
        for start in words.indices {
            if let match = prefix(of: words[start...], among: phrases), match.length > longest { longest = match.length }
        }
        return longest > 0 ? PhraseMatch(length: longest) : nil
    }
}

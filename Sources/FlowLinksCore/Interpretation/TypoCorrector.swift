/// Reads a misspelt distinctive word as the vocabulary word it stands for ("informng" → "informing"):
/// Damerau–Levenshtein distance at most 1 for words of 5 to 7 letters and at most 2 for longer ones,
/// never for short, everyday or listed common words.
enum TypoCorrector {
    /// The shortest word ever corrected.
    static let shortest = 5

    /// The words a typo may stand for, by first letter.
    // why: nearly every typo keeps the first letter, and requiring it keeps real words such as
    // "evolving" from being read as "involving".
    static func targets(from texts: [String], rules: ReadingRules) -> [Character: [String]] {
        var targets: [Character: Set<String>] = [:]
        for word in texts.flatMap(TextNormalizer.words).flatMap({ $0.split(separator: "-").map(String.init) })
        where isSpelledOut(word, rules: rules) {
            if let first = word.first { targets[first, default: []].insert(word) }
        }
        return targets.mapValues { $0.sorted() }
    }

    /// Corrects the reply's unknown distinctive words; true when any was corrected. A word whose stem
    /// the vocabulary knows is only corrected into a word of the same stem ("absolutly" → "absolutely").
    static func correct(_ reply: inout ReplyTokens, vocabulary: ChoiceVocabulary, language: Language) -> Bool {
        var corrected = false
        for index in reply.tokens.indices {
            let token = reply.tokens[index]
            let knownStem = vocabulary.knownStems.contains(token.stem)
            guard !token.isIgnored, !token.isNegator, !vocabulary.knownWords.contains(token.word),
                isCandidate(token.word, rules: language.reading), let first = token.word.first,
                let target = closest(
                    to: token.word, among: vocabulary.typoTargets[first] ?? [],
                    sameReading: { vocabulary.targetOptions[$0] == vocabulary.targetOptions[$1] }),
                !knownStem || ReplyTokens.stem(target, language: language) == token.stem
            else { continue }
            reply.correct(index, to: target, language: language)
            corrected = true
        }
        return corrected
    }

    /// The one target within the allowed distance, or `nil` when none is, or several that read differently.
    static func closest(
        to word: String, among targets: [String], sameReading: (String, String) -> Bool = { _, _ in false }
    ) -> String? {
        let letters = Array(word.unicodeScalars)
        let bound = letters.count >= 8 ? 2 : 1
        var best: (word: String, distance: Int)?
        var tied = false
        for target in targets {
            let other = Array(target.unicodeScalars)
            guard abs(other.count - letters.count) <= 1, target != word else { continue }
            let distance = damerauLevenshtein(letters, other, bound: bound)
            guard distance <= bound else { continue }
            if let current = best, distance == current.distance {
                tied = tied || !(sameWordForm(current.word, target) || sameReading(current.word, target))
            } else if best == nil || distance < best!.distance {
                best = (target, distance)
                tied = false
            }
        }
        return tied ? nil : best?.word
    }

    /// A word long enough, of letters only, that is not a function word or a negation.
    private static func isSpelledOut(_ word: String, rules: ReadingRules) -> Bool {
        word.unicodeScalars.count >= shortest && word.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic })
            && !rules.ignoredWords.contains(word) && !rules.isNegator(word)
    }

    /// A reply word that may be a typo: spelled out, and not a real word listed as common.
    private static func isCandidate(_ word: String, rules: ReadingRules) -> Bool {
        isSpelledOut(word, rules: rules) && !rules.commonWords.contains(word)
    }

    // why: "inform" and "informs" at the same distance are one word, not a tie.
    private static func sameWordForm(_ lhs: String, _ rhs: String) -> Bool {
        lhs.hasPrefix(rhs) || rhs.hasPrefix(lhs)
    }

    /// The optimal-string-alignment distance (adjacent transpositions count once), stopping early
    /// once every path exceeds `bound`.
    static func damerauLevenshtein(_ lhs: [Unicode.Scalar], _ rhs: [Unicode.Scalar], bound: Int) -> Int {
        var previousRow = [Int](0...rhs.count)
        var beforePrevious = previousRow
        var current = previousRow
        for i in 1...max(lhs.count, 1) where !lhs.isEmpty {
            current[0] = i
            var rowMinimum = i
            for j in 1...max(rhs.count, 1) where !rhs.isEmpty {
                let cost = lhs[i - 1] == rhs[j - 1] ? 0 : 1
                var value = min(previousRow[j] + 1, current[j - 1] + 1, previousRow[j - 1] + cost)
                if i > 1, j > 1, lhs[i - 1] == rhs[j - 2], lhs[i - 2] == rhs[j - 1] {
                    value = min(value, beforePrevious[j - 2] + 1)
                }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > bound { return bound + 1 }
            beforePrevious = previousRow
            previousRow = current
        }
        return lhs.isEmpty ? rhs.count : previousRow[rhs.count]
    }
}

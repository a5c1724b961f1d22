/// Reads an option's number as people write it: "3", "3.", "#2", "option 4", "level three", "the
/// second one", "the last one". A number counts only at the start of the reply and only when it
/// stands alone: "one or two partners" and "just one" are counts, "3 or 4" is not one choice.
struct NumberReader {
    let rules: ReadingRules
    /// One-word yes and no answers, which may stand before a number: "no, 4".
    let answerWords: Set<String>

    init(language: Language) {
        rules = language.reading
        answerWords = language.oneWordAnswers
    }

    enum Result: Equatable {
        /// The option at this index, read from the tokens before `end` (exclusive).
        case option(Int, end: Int)
        /// A number that no option has, or two numbers: not understood.
        case unreadable
    }

    /// The number the reply starts with, if it starts with one.
    func read(_ reply: ReplyTokens, optionCount: Int) -> Result? {
        let words = reply.words
        var index = 0
        // why: "no, 4" and "no it's 4" correct a suggestion; "no one" is no number.
        if words.count > 2, answerWords.contains(words[0]),
            reply.tokens[1].startsClause || (isFiller(words[1]) && !isNumber(words[1]))
        {
            index = 1
        }
        // why: "one" is a filler after a number ("the second one") but a number on its own.
        while index < words.count, !isNumber(words[index]),
            isFiller(words[index]) || rules.numberWords.contains(words[index])
        {
            index += 1
        }
        guard index < words.count else { return nil }
        let rest = words[index...]
        if let length = PhraseMatch.prefix(of: rest, among: rules.last)?.length {
            return standsAlone(reply, after: index + length - 1) ? .option(optionCount - 1, end: index + length) : nil
        }
        if let length = PhraseMatch.prefix(of: rest, among: rules.middle)?.length {
            guard optionCount % 2 == 1, standsAlone(reply, after: index + length - 1) else { return nil }
            return .option(optionCount / 2, end: index + length)
        }
        let word = words[index]
        let isDigits = word.unicodeScalars.allSatisfy { ("0"..."9").contains($0) }
        guard let number = isDigits ? Int(word.prefix(4)) : rules.numbers[word] else { return nil }
        if let next = index + 1 < words.count ? words[index + 1] : nil, rules.counted.contains(next) {
            // why: "3 partners" and "2 times a year" count something.
            return nil
        }
        if isDigits {
            let next = index + 1 < words.count ? words[index + 1] : nil
            // why: "50/50" is not option 50, and "3 or 4" is two choices, not one.
            if let next, isNumber(next) { return nil }
            if let next, rules.joiners.contains(next), index + 2 < words.count, isNumber(words[index + 2]) {
                return .unreadable
            }
        } else if !standsAlone(reply, after: index) {
            // why: a number word followed by more words is a count: "one or two partners", "two churches".
            return nil
        }
        guard (1...optionCount).contains(number) else { return .unreadable }
        return .option(number - 1, end: index + 1)
    }

    /// Nothing but a clause break, a note opener or filler follows the number word at `index`.
    private func standsAlone(_ reply: ReplyTokens, after index: Int) -> Bool {
        let following = reply.tokens.dropFirst(index + 1)
        guard let next = following.first else { return true }
        if next.startsClause || rules.noteOpeners.contains(next.word) { return true }
        return following.allSatisfy { isFiller($0.word) || rules.numberWords.contains($0.word) }
    }

    private func isNumber(_ word: String) -> Bool {
        rules.numbers[word] != nil || (!word.isEmpty && word.unicodeScalars.allSatisfy { ("0"..."9").contains($0) })
    }

    private func isFiller(_ word: String) -> Bool { rules.fillers.contains(word) }
}

import Foundation

/// A reply understood as one option of a choice question, with any note that followed it.
public struct ChoiceReading: Equatable, Sendable {
    public let optionID: String
    public let note: String?
}

/// Reads a reply to a choice question: a number, an option's name or words, ordinary yes/no words,
/// or a few distinctive words of an option, optionally followed by a note.
struct ChoiceInterpreter {
    let language: Language

    func interpret(_ reply: String, options: [AnswerOption], suggested: AnswerOption? = nil) -> ChoiceReading? {
        let trimmed = reply.trimmingCharacters(in: .whitespacesAndNewlines)
        if let option = options.first(where: { $0.id == trimmed }) { return ChoiceReading(optionID: option.id, note: nil) }
        let rawWords = trimmed.split(whereSeparator: { $0.isWhitespace }).map(String.init)
        let words = TextNormalizer.words(TextNormalizer.normalize(trimmed))
        guard !words.isEmpty else { return nil }
        if let reading = byNumber(words, rawWords: rawWords, options: options) { return reading }
        if let reading = byOptionWords(words, rawWords: rawWords, options: options) { return reading }
        if let reading = byMeaning(words, rawWords: rawWords, options: options, suggested: suggested) { return reading }
        return byDistinctiveWords(words, trimmed: trimmed, options: options)
    }

    /// "2", "2.", "#2", "option 2", "2 because …".
    private func byNumber(_ words: [String], rawWords: [String], options: [AnswerOption]) -> ChoiceReading? {
        var words = words
        var skipped = 0
        if ["option", "number", "no", "#"].contains(words.first), words.count > 1, Int(words[1]) != nil {
            words.removeFirst()
            skipped = 1
        }
        let digits = words.first.map { $0.hasPrefix("#") ? String($0.dropFirst()) : $0 }
        guard let digits, let number = Int(digits), options.indices.contains(number - 1) else { return nil }
        return ChoiceReading(optionID: options[number - 1].id, note: note(after: skipped + 1, of: rawWords))
    }

    /// An option's label, name or listed words at the start of the reply.
    private func byOptionWords(_ words: [String], rawWords: [String], options: [AnswerOption]) -> ChoiceReading? {
        let matches = options.compactMap { option in
            PhraseMatch.prefix(of: words, among: option.words).map { (option, $0.length) }
        }
        guard let best = unique(matches) else { return nil }
        return ChoiceReading(optionID: best.0.id, note: note(after: best.1, of: rawWords))
    }

    /// Ordinary yes/no/unsure words: at the start, or anywhere when only one meaning appears.
    private func byMeaning(
        _ words: [String], rawWords: [String], options: [AnswerOption], suggested: AnswerOption?
    ) -> ChoiceReading? {
        let atStart = AnswerMeaning.allCases.compactMap { meaning in
            PhraseMatch.prefix(of: words, among: language.answerWords[meaning] ?? []).map { (meaning, $0.length) }
        }
        let anywhere = AnswerMeaning.allCases.compactMap { meaning in
            PhraseMatch.anywhere(in: words, among: language.answerWords[meaning] ?? []).map { (meaning, $0.length) }
        }
        let noteStart: Int
        let meaning: AnswerMeaning
        if let first = unique(atStart) {
            (meaning, noteStart) = first
        } else if atStart.isEmpty, let found = unique(anywhere) {
            (meaning, noteStart) = (found.0, words.count)
        } else {
            return nil
        }
        let note = noteStart < words.count ? self.note(after: noteStart, of: rawWords) : nil
        if let suggested, meaning == .yes { return ChoiceReading(optionID: suggested.id, note: note) }
        let meant = options.filter { $0.meaning == meaning }
        guard meant.count == 1 else { return nil }
        return ChoiceReading(optionID: meant[0].id, note: note)
    }

    /// A few words that point to one option more than any other ("feedback is prioritized").
    private func byDistinctiveWords(_ words: [String], trimmed: String, options: [AnswerOption]) -> ChoiceReading? {
        let optionWords = options.map { option in
            Set((TextNormalizer.words(TextNormalizer.normalize(option.label)) + option.words.flatMap(TextNormalizer.words))
                .filter { !language.ignoredWords.contains($0) })
        }
        let inEveryOption = optionWords.dropFirst().reduce(optionWords.first ?? []) { $0.intersection($1) }
        let replyWords = Set(words.filter { !language.ignoredWords.contains($0) })
        let scores = optionWords.map { candidates in
            replyWords.filter { word in
                candidates.contains { !inEveryOption.contains($0) && Self.sameStem(word, $0) }
            }.count
        }
        guard let best = scores.max(), best > 0, scores.filter({ $0 == best }).count == 1,
            let index = scores.firstIndex(of: best)
        else { return nil }
        // why: a short reply is just the option in other words; a longer one carries context worth keeping.
        return ChoiceReading(optionID: options[index].id, note: words.count >= 5 ? trimmed : nil)
    }

    /// The one match with the longest phrase, or `nil` when two options tie.
    private func unique<Value>(_ matches: [(Value, Int)]) -> (Value, Int)? {
        guard let longest = matches.map(\.1).max() else { return nil }
        let best = matches.filter { $0.1 == longest }
        return best.count == 1 ? best[0] : nil
    }

    /// The reply after its first `count` words, without leading separators; `nil` when nothing is left.
    private func note(after count: Int, of rawWords: [String]) -> String? {
        let rest = rawWords.dropFirst(count).joined(separator: " ")
        let note = rest.trimmingCharacters(in: Self.separators)
        let connective = ["because ", "since ", "as "].first { note.lowercased().hasPrefix($0) }
        let cleaned = connective.map { String(note.dropFirst($0.count)) } ?? note
        return cleaned.isEmpty ? nil : cleaned
    }

    static func sameStem(_ lhs: String, _ rhs: String) -> Bool {
        if lhs == rhs { return true }
        guard lhs.count >= 5, rhs.count >= 5 else { return false }
        return lhs.commonPrefix(with: rhs).count >= 5
    }

    private static let separators = CharacterSet.whitespacesAndNewlines
        .union(CharacterSet(charactersIn: ",.;:!?-–—()[]\"'"))
}

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
        let trimmed = reply.trimmed(of: .whitespacesAndNewlines)
        if let option = options.first(where: { $0.id == trimmed }) { return ChoiceReading(optionID: option.id, note: nil) }
        let reply = Reply(trimmed)
        guard !reply.words.isEmpty else { return nil }
        return byNumber(reply, options: options)
            ?? byLeadingPhrase(reply, options: options, suggested: suggested)
            ?? byMeaningAnywhere(reply, options: options, suggested: suggested)
            ?? byDistinctiveWords(reply, options: options)
    }

    /// "2", "2.", "#2", "option 2", "level 2", "2 because …".
    private func byNumber(_ reply: Reply, options: [AnswerOption]) -> ChoiceReading? {
        let skipped = language.numberWords.contains(reply.words[0]) && reply.words.count > 1 ? 1 : 0
        guard let number = Int(reply.words[skipped]), options.indices.contains(number - 1) else { return nil }
        return ChoiceReading(
            optionID: options[number - 1].id, note: reply.note(after: skipped + 1, openers: language.noteOpeners))
    }

    /// The longest phrase the reply starts with: an option's label, name or words, or an ordinary
    /// yes/no/unsure word that one option means ("no idea" is unsure, not "no").
    private func byLeadingPhrase(_ reply: Reply, options: [AnswerOption], suggested: AnswerOption?) -> ChoiceReading? {
        var matches: [(option: AnswerOption, length: Int)] = options.compactMap { option in
            PhraseMatch.prefix(of: reply.words, among: option.phrases).map { (option, $0.length) }
        }
        for meaning in AnswerMeaning.allCases {
            guard let option = option(meaning: meaning, options: options, suggested: suggested),
                let match = PhraseMatch.prefix(of: reply.words, among: language.answerPhrases[meaning] ?? [])
            else { continue }
            matches.append((option, match.length))
        }
        guard let longest = matches.map(\.length).max() else { return nil }
        let chosen = Set(matches.filter { $0.length == longest }.map(\.option.id))
        guard chosen.count == 1, let option = options.first(where: { chosen.contains($0.id) }) ?? suggested,
            !contradicts(reply, after: longest, choice: option, options: options)
        else { return nil }
        return ChoiceReading(optionID: option.id, note: reply.note(after: longest, openers: language.noteOpeners))
    }

    /// A single ordinary answer word somewhere in the reply ("I think yes").
    private func byMeaningAnywhere(_ reply: Reply, options: [AnswerOption], suggested: AnswerOption?) -> ChoiceReading? {
        let found = AnswerMeaning.allCases.compactMap { meaning in
            PhraseMatch.anywhere(in: reply.words, among: language.answerPhrases[meaning] ?? []).map { (meaning, $0.length) }
        }
        guard let longest = found.map(\.1).max() else { return nil }
        let meanings = found.filter { $0.1 == longest }.map(\.0)
        guard meanings.count == 1, let option = option(meaning: meanings[0], options: options, suggested: suggested)
        else { return nil }
        return ChoiceReading(optionID: option.id, note: reply.contextNote)
    }

    /// A few words that point to one option more than any other ("feedback is prioritized").
    private func byDistinctiveWords(_ reply: Reply, options: [AnswerOption]) -> ChoiceReading? {
        let optionWords = options.map { option in
            Set(
                (TextNormalizer.words(option.label) + option.words.flatMap(TextNormalizer.words))
                    .filter { !language.ignoredWords.contains($0) })
        }
        let inEveryOption = optionWords.dropFirst().reduce(optionWords.first ?? []) { $0.intersection($1) }
        let replyWords = Set(reply.words.filter { !language.ignoredWords.contains($0) })
        let scores = optionWords.map { candidates in
            replyWords.filter { word in
                candidates.contains { !inEveryOption.contains($0) && Self.sameStem(word, $0) }
            }.count
        }
        guard let best = scores.max(), best > 0, scores.filter({ $0 == best }).count == 1,
            let index = scores.firstIndex(of: best)
        else { return nil }
        return ChoiceReading(optionID: options[index].id, note: reply.contextNote)
    }

    /// The option an ordinary answer stands for: the one that means it, or the suggestion for yes.
    private func option(meaning: AnswerMeaning, options: [AnswerOption], suggested: AnswerOption?) -> AnswerOption? {
        if let suggested, meaning == .yes { return suggested }
        let meant = options.filter { $0.meaning == meaning }
        return meant.count == 1 ? meant[0] : nil
    }

    /// "yes and no", "yes or no": a choice followed straight away by a different ordinary answer.
    private func contradicts(_ reply: Reply, after count: Int, choice: AnswerOption, options: [AnswerOption]) -> Bool {
        let rest = Array(reply.words.dropFirst(count))
        guard let first = rest.first, language.joiners.contains(first) else { return false }
        let following = Array(rest.dropFirst())
        return AnswerMeaning.allCases.contains { meaning in
            meaning != choice.meaning && PhraseMatch.prefix(of: following, among: language.answerPhrases[meaning] ?? []) != nil
        }
    }

    static func sameStem(_ lhs: String, _ rhs: String) -> Bool {
        if lhs == rhs { return true }
        guard lhs.count >= 5, rhs.count >= 5 else { return false }
        return lhs.commonPrefix(with: rhs).count >= 5
    }
}

/// A reply as typed, and its normalized words.
private struct Reply {
    let text: String
    let tokens: [(word: String, end: String.Index)]
    var words: [String] { tokens.map(\.word) }

    init(_ text: String) {
        self.text = text
        self.tokens = TextNormalizer.tokens(text)
    }

    /// The whole reply as a note when it says more than the choice.
    // why: a short reply is just the option in other words; a longer one carries context worth keeping.
    var contextNote: String? { tokens.count >= 5 ? text : nil }

    /// What follows the first `count` words, as typed, without leading separators or "because".
    func note(after count: Int, openers: [String]) -> String? {
        guard count > 0, count <= tokens.count else { return count == 0 ? text : nil }
        let rest = text[tokens[count - 1].end...].trimmed(of: Self.separators)
        let connective = openers.map { $0 + " " }.first { rest.lowercased().hasPrefix($0) }
        let note = connective.map { String(rest.dropFirst($0.count)) } ?? rest
        return note.isEmpty ? nil : note
    }

    private static let separators = CharacterSet.whitespacesAndNewlines.union(CharacterSet(charactersIn: ",.;:!?-–—()[]\"'"))
}

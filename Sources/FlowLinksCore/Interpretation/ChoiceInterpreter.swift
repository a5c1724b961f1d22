import Foundation

/// How sure a reading is, which decides what the bot does with it: keep it (high), check it with
/// the person in one line (medium), or ask the question again (low).
public enum Confidence: String, Sendable, Codable, Comparable, CaseIterable {
    case low, medium, high

    public static func < (lhs: Confidence, rhs: Confidence) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// A reply understood as one option of a choice question, with any note that followed it.
public struct ChoiceReading: Equatable, Sendable {
    public let optionID: String
    public let note: String?
    public let confidence: Confidence

    public init(optionID: String, note: String?, confidence: Confidence = .high) {
        self.optionID = optionID
        self.note = note
        self.confidence = confidence
    }
}

/// Reads a reply to a choice question as a careful facilitator would: a number, an option's name,
/// an ordinary yes or no, the option's own words or the other ways people say it, in any word form
/// and with small typos; reading negation, hedges and self-correction. `nil` when it cannot tell.
struct ChoiceInterpreter {
    let language: Language

    func interpret(_ reply: String, for step: Step, suggested: AnswerOption? = nil) -> ChoiceReading? {
        interpret(reply, options: step.options, vocabulary: step.vocabulary, suggested: suggested)
    }

    func interpret(
        _ reply: String, options: [AnswerOption], vocabulary: ChoiceVocabulary, suggested: AnswerOption? = nil
    ) -> ChoiceReading? {
        let trimmed = reply.trimmed(of: .whitespacesAndNewlines)
        let pressed = options.first { $0.id == trimmed }
        if let pressed, !vocabulary.ambiguousIDs.contains(pressed.id) { return ChoiceReading(optionID: pressed.id, note: nil) }
        // why: a button's value that is also an ordinary word of another option ("implementation") may
        // have been typed; it is read like any reply, and checked with the person if that finds nothing.
        let reading = read(trimmed, options: options, vocabulary: vocabulary, suggested: suggested)
        return reading ?? pressed.map { ChoiceReading(optionID: $0.id, note: nil, confidence: .medium) }
    }

    private func read(
        _ trimmed: String, options: [AnswerOption], vocabulary: ChoiceVocabulary, suggested: AnswerOption?
    ) -> ChoiceReading? {
        var tokens = ReplyTokens(trimmed, language: language)
        guard !tokens.tokens.isEmpty else { return nil }
        switch NumberReader(language: language).read(tokens, optionCount: options.count) {
        case .option(let index, let end)?:
            let hedged = PhraseMatch.anywhere(in: tokens.words, among: language.reading.hedges) != nil
            return ChoiceReading(
                optionID: options[index].id, note: tokens.note(after: end, openers: language.reading.noteOpeners),
                confidence: hedged ? .medium : .high)
        case .unreadable?:
            // why: "100" is a number no option has, but also a way of saying yes.
            guard language.answerPhrases.values.contains(where: { $0.contains([tokens.words[0]]) }) else { return nil }
        case nil:
            break
        }
        let suggestedIndex = suggested.flatMap { suggested in options.firstIndex { $0.id == suggested.id } }
        let decision = Decision(options: options, vocabulary: vocabulary, language: language, suggested: suggestedIndex)
        if let reading = decision.read(tokens) { return reading }
        guard TypoCorrector.correct(&tokens, vocabulary: vocabulary, language: language) else { return nil }
        return decision.read(tokens)
    }
}

/// What a reply says for and against each option of a question: the vocabulary phrases and answer
/// words found in it, longest first so that each word counts for one option, with negation and
/// self-correction read ("not aligning, more like consulting").
struct Evidence {
    /// One phrase or answer word found in the reply.
    struct Cue {
        enum Source: Equatable {
            case phrase(ChoiceVocabulary.Kind)
            case answer(AnswerMeaning)
            /// A "not" that negates no option: a no on a yes/no question ("we don't need partners").
            case loneNegation
        }
        let option: Int
        let weight: Int
        let positions: [Int]
        let source: Source
        var negated = false
        /// How many of its words are not everyday words.
        var specific = 1
        var start: Int { positions[0] }
        var end: Int { positions[positions.count - 1] }
    }

    var cues: [Cue] = []
    /// The reply hedges ("probably", "maybe"): a reading is checked with the person first.
    private(set) var hedged = false

    /// How far before a phrase a negation still reaches: "we don't really tell them".
    static let negationReach = 3
    /// Words that may stand between the words of a listed phrase: "ask for their feedback".
    static let phraseGap = 1

    init(_ reply: ReplyTokens, vocabulary: ChoiceVocabulary, language: Language, suggested: Int?) {
        let content = reply.tokens.indices.filter { !reply.tokens[$0].isIgnored }
        var candidates = Self.answerCues(reply, vocabulary: vocabulary, language: language, suggested: suggested)
        candidates += Self.phraseCues(reply, content: content, vocabulary: vocabulary)
        // why: the longest phrase explains its words best ("not involved" is the within cell, not
        // Involving); each word then counts for one option only.
        candidates.sort {
            ($0.positions.count, $0.specific, $0.weight, -$0.start) > ($1.positions.count, $1.specific, $1.weight, -$1.start)
        }
        var claimed = Set<Int>()
        for cue in candidates where cue.positions.allSatisfy({ !claimed.contains($0) }) {
            cues.append(cue)
            claimed.formUnion(cue.positions)
        }
        cues.sort { $0.start < $1.start }
        readNegations(reply, claimed: claimed, vocabulary: vocabulary, suggested: suggested)
        readSelfCorrection(reply, language: language)
        hedged = PhraseMatch.anywhere(in: reply.words, among: language.reading.hedges) != nil
    }

    /// Yes / no / unsure words, as the option that means them (yes: the suggested option, if any).
    private static func answerCues(
        _ reply: ReplyTokens, vocabulary: ChoiceVocabulary, language: Language, suggested: Int?
    ) -> [Cue] {
        var found = AnswerReader(language: language).answers(in: reply)
        // why: "maybe yes", "no sé, maybe": an unsure word makes the whole answer unsure.
        if found.contains(where: { $0.meaning == .unsure }) { found.removeAll { $0.meaning != .unsure } }
        return found.compactMap { answer in
            let positions = Array(answer.start...answer.end)
            if let suggested, answer.meaning != .unsure {
                return Cue(
                    option: suggested, weight: 3, positions: positions, source: .answer(answer.meaning),
                    negated: answer.meaning == .no, specific: positions.count)
            }
            guard let option = vocabulary.optionByMeaning[answer.meaning] else { return nil }
            return Cue(
                option: option, weight: 3, positions: positions, source: .answer(answer.meaning), specific: positions.count)
        }
    }

    /// Every vocabulary phrase the reply contains.
    private static func phraseCues(_ reply: ReplyTokens, content: [Int], vocabulary: ChoiceVocabulary) -> [Cue] {
        var cues: [Cue] = []
        for (offset, index) in content.enumerated() {
            for phraseIndex in vocabulary.startingWith[reply.tokens[index].stem] ?? [] {
                let phrase = vocabulary.phrases[phraseIndex]
                guard let positions = ordered(phrase.stems, in: reply, content: content, from: offset) else { continue }
                cues.append(
                    Cue(
                        option: phrase.option, weight: phrase.weight, positions: positions, source: .phrase(phrase.kind),
                        specific: phrase.specific))
            }
        }
        for phraseIndex in vocabulary.sentences {
            let phrase = vocabulary.phrases[phraseIndex]
            guard let positions = unordered(phrase.stems, in: reply, content: content) else { continue }
            cues.append(
                Cue(
                    option: phrase.option, weight: phrase.weight, positions: positions, source: .phrase(.sentence),
                    specific: phrase.specific))
        }
        return cues
    }

    /// The stems in order from content position `offset`, at most `phraseGap` words apart, in one clause.
    private static func ordered(_ stems: [String], in reply: ReplyTokens, content: [Int], from offset: Int) -> [Int]? {
        var positions = [content[offset]]
        var at = offset
        for stem in stems.dropFirst() {
            let window = (at + 1)..<min(content.count, at + 2 + phraseGap)
            guard let next = window.first(where: { reply.tokens[content[$0]].stem == stem }),
                !reply.clauseBreaks(after: positions[positions.count - 1], through: content[next])
            else { return nil }
            positions.append(content[next])
            at = next
        }
        return positions
    }

    /// All the stems within one clause, in any order.
    private static func unordered(_ stems: [String], in reply: ReplyTokens, content: [Int]) -> [Int]? {
        var clauses: [Int: [Int]] = [:]
        for index in content { clauses[reply.tokens[index].clause, default: []].append(index) }
        for clause in clauses.keys.sorted() {
            var positions: [Int] = []
            for stem in stems {
                guard let found = clauses[clause]?.first(where: { reply.tokens[$0].stem == stem && !positions.contains($0) })
                else { break }
                positions.append(found)
            }
            if positions.count == stems.count { return positions.sorted() }
        }
        return nil
    }
}

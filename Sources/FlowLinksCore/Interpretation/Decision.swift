/// Weighs the evidence of a reply into one reading and how sure it is.
///
/// High: an option named outright (a level name, an answer word, a phrase of several words, its own
/// sentence) with nothing pointing elsewhere, no hedge and no typo read. Medium: one option clearly
/// ahead on weaker evidence. Otherwise the question is asked again.
struct Decision {
    let options: [AnswerOption]
    let vocabulary: ChoiceVocabulary
    let language: Language
    let suggested: Int?

    func read(_ reply: ReplyTokens) -> ChoiceReading? {
        var evidence = Evidence(reply, vocabulary: vocabulary, language: language, suggested: suggested)
        absorbYes(into: &evidence)
        let openers = language.reading.noteOpeners
        if let leading = leadingChoice(evidence, reply) {
            return ChoiceReading(
                optionID: options[leading.option].id, note: reply.note(after: leading.end + 1, openers: openers),
                confidence: sureness(of: leading.option, evidence, reply, clear: true))
        }
        var totals = [Int](repeating: 0, count: options.count)
        for cue in evidence.cues { totals[cue.option] += cue.negated ? -cue.weight : cue.weight }
        guard let winner = totals.indices.max(by: { totals[$0] < totals[$1] }), totals[winner] > 0 else { return nil }
        let runnerUp = totals.indices.filter { $0 != winner }.map { totals[$0] }.max() ?? 0
        guard totals[winner] > runnerUp,
            runnerUp <= 0 || totals[winner] >= 2 * runnerUp || outranks(winner, evidence)
        else { return nil }
        // why: after an opening answer word the rest is a note ("yes we need the school");
        // a reply that paraphrases an option is kept whole when it says more.
        let first = evidence.cues.first { $0.option == winner && !$0.negated }
        let note =
            first.map { isOpening($0, reply) && $0.isAnswer } == true
            ? first.flatMap { reply.note(after: $0.end + 1, openers: openers) } : reply.contextNote
        return ChoiceReading(
            optionID: options[winner].id, note: note,
            confidence: sureness(of: winner, evidence, reply, clear: runnerUp <= 0))
    }

    /// High when the option is named outright, nothing points elsewhere, and nothing was guessed.
    private func sureness(of option: Int, _ evidence: Evidence, _ reply: ReplyTokens, clear: Bool) -> Confidence {
        let support = evidence.cues.filter { $0.option == option && !$0.negated }
        let strongest = support.map(\.weight).max() ?? 0
        let guessed = support.contains { cue in cue.positions.contains { reply.tokens[$0].corrected } }
        let hedged = evidence.hedged && options[option].meaning != .unsure
        let doubted = evidence.cues.contains { $0.option == option && $0.negated }
        return clear && strongest >= 2 && !guessed && !hedged && !doubted ? .high : .medium
    }

    /// The reply opens with a strong cue followed by a clause break or nothing: "Consulting, we ask
    /// first". The rest is a note, whatever it mentions.
    private func leadingChoice(_ evidence: Evidence, _ reply: ReplyTokens) -> Evidence.Cue? {
        guard let cue = evidence.cues.first, !cue.negated, cue.weight >= 2, isOpening(cue, reply) else { return nil }
        let after = cue.end + 1
        guard
            after == reply.tokens.count || reply.tokens[after].startsClause
                || language.reading.noteOpeners.contains(reply.tokens[after].word)
        else { return nil }
        // why: "informing, actually consulting" corrects itself; the weighing reads that.
        let words = reply.words
        let corrected =
            evidence.cues.contains { $0.start > cue.end && $0.option != cue.option && !$0.negated }
            && words[after...].indices.contains { index in
                PhraseMatch.prefix(of: words[index...], among: language.reading.contrasts) != nil
            }
        let contradicted = evidence.cues.contains { $0.option == cue.option && $0.negated }
        return corrected || contradicted ? nil : cue
    }

    /// The option is named in its own words (its name, its sentence, an answer word) and every other
    /// option only in other ways of saying things: "feedback is prioritized in our monthly meetings".
    private func outranks(_ option: Int, _ evidence: Evidence) -> Bool {
        let positive = evidence.cues.filter { !$0.negated }
        return positive.contains { $0.option == option && $0.weight >= 3 }
            && !positive.contains { $0.option != option && $0.weight >= 3 }
    }

    /// Only filler and function words stand before the cue.
    private func isOpening(_ cue: Evidence.Cue, _ reply: ReplyTokens) -> Bool {
        reply.tokens[..<cue.start].allSatisfy { $0.isIgnored || language.reading.fillers.contains($0.word) }
    }

    /// "yes, some of them", "yeah kind of": a yes beside an option that says more, or that hedges
    /// it, is that option.
    private func absorbYes(into evidence: inout Evidence) {
        guard let yes = vocabulary.optionByMeaning[.yes],
            evidence.cues.contains(where: {
                !$0.negated && [nil, .unsure].contains(options[$0.option].meaning) && $0.option != suggested
            })
        else { return }
        evidence.cues.removeAll { $0.source == .answer(.yes) && $0.option == yes }
    }
}

/// How "not" and "more like" change what a reply's phrases say.
extension Evidence {
    /// A phrase a few words after "not", "never" or "no" in the same clause counts against its
    /// option; a "not" that negates nothing is a no where the question has one.
    mutating func readNegations(_ reply: ReplyTokens, claimed: Set<Int>, vocabulary: ChoiceVocabulary, suggested: Int?) {
        let inPhrases = Set(cues.filter { $0.isPhrase }.flatMap(\.positions))
        // why: "no" negates what follows it ("no benefit") even when it is an answer itself.
        let inNoAnswers = Set(cues.filter { $0.source == .answer(.no) }.flatMap(\.positions))
        var used = Set<Int>()
        var added: [Cue] = []
        for index in cues.indices where cues[index].isPhrase {
            let start = cues[index].start
            let reach = max(0, start - Self.negationReach)..<start
            // why: a negation inside a phrase reaches past it too ("never share information"), but
            // never back into its own phrase's option.
            let ownPositions = Set(cues.filter { $0.option == cues[index].option }.flatMap(\.positions))
            guard
                let negator = reach.reversed().first(where: { position in
                    reply.tokens[position].isNegator && !ownPositions.contains(position)
                        && (!claimed.contains(position) || inNoAnswers.contains(position) || inPhrases.contains(position))
                        && !reply.clauseBreaks(after: position, through: start)
                })
            else { continue }
            cues[index].negated = true
            used.insert(negator)
            // why: denying a way of saying yes says no ("I don't see any benefit").
            if cues[index].option == vocabulary.optionByMeaning[.yes], let no = vocabulary.optionByMeaning[.no] {
                added.append(Cue(option: no, weight: 1, positions: [negator], source: .loneNegation))
            }
        }
        let lone = reply.tokens.indices.filter {
            reply.tokens[$0].isNegator && !reply.tokens[$0].isComparison && !claimed.contains($0) && !used.contains($0)
        }
        // why: two negations cancel out ("couldn't do it without them"); reading them is guesswork.
        if lone.count == 1 {
            if let suggested {
                added.append(Cue(option: suggested, weight: 1, positions: lone, source: .loneNegation, negated: true))
            } else if let no = vocabulary.optionByMeaning[.no] {
                added.append(Cue(option: no, weight: 1, positions: lone, source: .loneNegation))
            }
        }
        cues = (cues + added).sorted { $0.start < $1.start }
    }

    /// "not aligning, more like consulting", "informing, actually consulting": what follows the
    /// last correction replaces what came before it.
    mutating func readSelfCorrection(_ reply: ReplyTokens, language: Language) {
        let words = reply.words
        let corrections = words.indices.filter { index in
            PhraseMatch.prefix(of: words[index...], among: language.reading.contrasts) != nil
        }
        guard let last = corrections.last, cues.contains(where: { $0.start > last && !$0.negated }) else { return }
        cues.removeAll { $0.end < last }
    }
}

extension Evidence.Cue {
    var isPhrase: Bool {
        if case .phrase = source { return true }
        return false
    }

    /// A yes, no or not-sure word.
    var isAnswer: Bool {
        if case .answer = source { return true }
        return false
    }
}

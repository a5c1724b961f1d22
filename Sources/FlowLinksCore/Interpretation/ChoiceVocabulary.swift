/// A choice question's wording, stemmed and indexed once at load: what each option is called, what
/// its sentences say, and the other ways people say it (`words` in `Prompts/`).
struct ChoiceVocabulary: Sendable {
    /// Where a phrase comes from, which sets how much it counts.
    enum Kind: Sendable {
        /// A level's name or key: "Consulting", "consult".
        case name
        /// A sentence of the option's wording, recognized in any order: "feedback is prioritized".
        case sentence
        /// A phrase from the option's `words`.
        case listed
        /// A word found in only this option's wording.
        case distinctiveWord
    }

    /// One way of saying an option, as stems.
    struct Phrase: Sendable {
        let stems: [String]
        let option: Int
        /// 3: it names the option; 2: a phrase of several words; 1: a single word.
        let weight: Int
        /// How many of its stems are not everyday words: the more, the more it says.
        let specific: Int
        let kind: Kind
        /// As written in `Prompts/`, for the check.
        let text: String
    }

    let phrases: [Phrase]
    /// Phrases matched in order, by their first stem.
    let startingWith: [String: [Int]]
    /// Sentences, matched in any order within a clause.
    let sentences: [Int]
    /// The option that means yes, no or unsure, where one does.
    let optionByMeaning: [AnswerMeaning: Int]
    /// Every stem the options use: a reply word with one of these is not a typo of another word.
    let knownStems: Set<String>
    /// Every word the options and answers are written with.
    let knownWords: Set<String>
    /// Words a typo may stand for, by first letter.
    let typoTargets: [Character: [String]]
    /// The options each typo target's stem speaks for, so that a tie between two forms of one word is no tie.
    let targetOptions: [String: Set<Int>]
    /// Option ids that are also words of another option's wording ("implementation"): typed, they are
    /// read like any reply; only a button sends them on their own.
    let ambiguousIDs: Set<String>

    init(options: [AnswerOption], language: Language) {
        let rules = language.reading
        let stem = { (text: String) in Self.stems(of: text, language: language) }
        var phrases: [Phrase] = []
        var sentenceWords: [Set<String>] = []
        for (index, option) in options.enumerated() {
            for name in option.names {
                let stems = stem(name)
                if !stems.isEmpty {
                    phrases.append(Phrase(stems: stems, option: index, weight: 3, specific: stems.count, kind: .name, text: name))
                }
            }
            var words: Set<String> = Set(option.names.flatMap(stem))
            for sentence in option.sentences {
                let stems = stem(sentence)
                words.formUnion(stems)
                // why: a label such as "Yes" or "Not sure" is an answer word, read with negation and hedges.
                if let meaning = option.meaning,
                    language.answerWords[meaning]?.contains(TextNormalizer.normalize(sentence)) == true
                {
                    continue
                }
                // why: a reply that repeats a sentence's telling words repeats the sentence ("feedback is
                // prioritized" for "Feedback from community partners is prioritized").
                let telling = stems.filter { !Self.isGeneric($0, rules: rules, language: language) }
                guard telling.contains(where: { $0 != ReplyTokens.negation }) else { continue }
                phrases.append(
                    Phrase(stems: telling, option: index, weight: 3, specific: telling.count, kind: .sentence, text: sentence))
            }
            sentenceWords.append(words)
            for listed in option.words {
                let stems = stem(listed)
                let specific = stems.filter { !Self.isGeneric($0, rules: rules, language: language) }.count
                // why: "not for this" is a bare "not" once its small words are gone; negations alone are
                // read by the negation rules, not as a phrase.
                guard specific > 0, stems.contains(where: { $0 != ReplyTokens.negation }) else { continue }
                phrases.append(Phrase(stems: stems, option: index, weight: 1, specific: specific, kind: .listed, text: listed))
            }
        }
        phrases = Self.weighed(phrases, rules: rules)
        for (index, words) in sentenceWords.enumerated() {
            let elsewhere = sentenceWords.enumerated().filter { $0.offset != index }.reduce(into: Set<String>()) {
                $0.formUnion($1.element)
            }
            for word in words.subtracting(elsewhere).sorted()
            where !Self.isGeneric(word, rules: rules, language: language) && word != ReplyTokens.negation {
                phrases.append(Phrase(stems: [word], option: index, weight: 1, specific: 1, kind: .distinctiveWord, text: word))
            }
        }
        self.phrases = phrases
        var startingWith: [String: [Int]] = [:]
        for (index, phrase) in phrases.enumerated() where phrase.kind != .sentence {
            startingWith[phrase.stems[0], default: []].append(index)
        }
        self.startingWith = startingWith
        self.sentences = phrases.indices.filter { phrases[$0].kind == .sentence }
        var meanings: [AnswerMeaning: Int] = [:]
        for meaning in AnswerMeaning.allCases {
            let meant = options.indices.filter { options[$0].meaning == meaning }
            if meant.count == 1 { meanings[meaning] = meant[0] }
        }
        self.optionByMeaning = meanings
        let answerWords = language.answerWords.values.flatMap { $0 }
        self.knownStems = Set(phrases.flatMap(\.stems) + sentenceWords.flatMap { $0 } + answerWords.flatMap(stem))
        let surfaces = options.flatMap { $0.names + $0.words + $0.sentences } + answerWords
        self.knownWords = Set(surfaces.flatMap(TextNormalizer.words))
        let targets = TypoCorrector.targets(from: surfaces, rules: rules)
        self.typoTargets = targets
        var optionsByStem: [String: Set<Int>] = [:]
        for phrase in phrases { for stem in phrase.stems { optionsByStem[stem, default: []].insert(phrase.option) } }
        self.targetOptions = targets.values.flatMap { $0 }.reduce(into: [:]) { result, word in
            result[word] = optionsByStem[ReplyTokens.stem(word, language: language)] ?? []
        }
        self.ambiguousIDs = Set(
            options.enumerated().filter { index, option in
                let stems = Set(stem(option.id))
                return sentenceWords.enumerated().contains { $0.offset != index && !stems.isDisjoint(with: $0.element) }
            }.map(\.element.id))
    }

    /// A listed phrase says enough to be read at once (weight 2) when two of its words are not
    /// everyday words, or when its one such word belongs to this option alone ("make the call");
    /// otherwise it is checked first (weight 1): "help implement" could be Involving or Aligning. A
    /// phrase left with one shared word once its small words are gone is dropped.
    private static func weighed(_ phrases: [Phrase], rules: ReadingRules) -> [Phrase] {
        var options: [String: Set<Int>] = [:]
        for phrase in phrases { for stem in phrase.stems { options[stem, default: []].insert(phrase.option) } }
        return phrases.compactMap { phrase in
            // why: "just us" without its small words is "just", which says nothing of its own.
            if phrase.kind == .listed, phrase.stems.count == 1, phrase.text.contains(" "),
                options[phrase.stems[0]] != [phrase.option]
            {
                return nil
            }
            guard phrase.kind == .listed, phrase.stems.count > 1 else { return phrase }
            let specific = phrase.stems.filter { !rules.genericStems.contains($0) }
            let strong = specific.count >= 2 || (specific.count == 1 && options[specific[0]] == [phrase.option])
            return Phrase(
                stems: phrase.stems, option: phrase.option, weight: strong ? 2 : 1, specific: phrase.specific,
                kind: phrase.kind, text: phrase.text)
        }
    }

    /// The stems of a vocabulary phrase: function words dropped, negators read as "not", hyphenated
    /// words split as replies are.
    static func stems(of text: String, language: Language) -> [String] {
        let rules = language.reading
        return TextNormalizer.words(text).flatMap { $0.split(separator: "-").map(String.init) }
            .filter { !rules.ignoredWords.contains($0) }
            .map { rules.isNegator($0) ? ReplyTokens.negation : ReplyTokens.stem($0, language: language) }
    }

    /// Whether a stem is an everyday word that never decides a reading on its own.
    private static func isGeneric(_ stem: String, rules: ReadingRules, language: Language) -> Bool {
        rules.genericStems.contains(stem)
    }
}

extension ScriptAssembler {
    /// Reports a way of saying something that points at two different options of one question, or
    /// at two different answers: a reply using it could not be read.
    mutating func checkPhrases(_ steps: [Step], language: Language) {
        checkPhrases(of: steps, file: "script.yaml", list: "steps")
        checkAnswerWords(language)
    }

    /// Reports a phrase that points at two options of one of these steps, in `file`'s `list`
    /// (chart phrases in `chart.yaml`, where they are written).
    mutating func checkPhrases(of steps: [Step], file stepsFile: String, list: String) {
        for (index, step) in steps.enumerated() where step.kind == .choice {
            var owners: [[String]: (option: Int, text: String)] = [:]
            for phrase in step.vocabulary.phrases where phrase.kind == .name || phrase.kind == .listed {
                guard let owner = owners[phrase.stems] else {
                    owners[phrase.stems] = (phrase.option, phrase.text)
                    continue
                }
                guard owner.option != phrase.option else { continue }
                let (first, second) = (step.options[owner.option].id, step.options[phrase.option].id)
                let file = step.options.contains { $0.levels != nil } ? "chart.yaml" : stepsFile
                report(
                    file, "\(list)[\(index)] (\(step.id))",
                    "\"\(phrase.text)\" points at both \"\(first)\" and \"\(second)\" (as \"\(owner.text)\")")
            }
        }
    }

    /// Reports a word listed under two different answers (yes and no) in `language.yaml`.
    private mutating func checkAnswerWords(_ language: Language) {
        var meanings: [String: AnswerMeaning] = [:]
        for meaning in AnswerMeaning.allCases {
            for word in language.answerWords[meaning] ?? [] {
                if let other = meanings[word], other != meaning {
                    report("language.yaml", "answers", "\"\(word)\" is in both \(other.rawValue) and \(meaning.rawValue)")
                }
                meanings[word] = meaning
            }
        }
    }
}

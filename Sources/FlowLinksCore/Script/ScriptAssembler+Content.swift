extension ScriptAssembler {
    // MARK: - language.yaml

    mutating func buildLanguage(_ file: PromptFiles.LanguageFile) -> Language? {
        var answerWords: [AnswerMeaning: [String]] = [:]
        for meaning in AnswerMeaning.allCases {
            let words = normalized(file.answers[meaning.rawValue] ?? [])
            if words.isEmpty { report("language.yaml", "answers.\(meaning.rawValue)", "needs at least one word") }
            answerWords[meaning] = words
        }
        var commandWords: [Command: [String]] = [:]
        for command in Command.allCases {
            let words = normalized(file.commands[command.rawValue] ?? [])
            if words.isEmpty { report("language.yaml", "commands.\(command.rawValue)", "needs at least one word") }
            commandWords[command] = words
        }
        for name in file.commands.keys where Command(rawValue: name) == nil {
            report("language.yaml", "commands.\(name)", "is not a command")
        }
        var messages: [MessageKey: Template] = [:]
        for key in MessageKey.allCases {
            guard let text = file.messages[key.rawValue] else {
                report("language.yaml", "messages.\(key.rawValue)", "is missing")
                continue
            }
            let template = Template(text)
            checkTemplate(template, file: "language.yaml", key: "messages.\(key.rawValue)", allowed: key.placeholders)
            if let limit = key.maximumLength, text.count > limit {
                report("language.yaml", "messages.\(key.rawValue)", "is \(text.count) characters; at most \(limit) fit")
            }
            messages[key] = template
        }
        for name in file.messages.keys where MessageKey(rawValue: name) == nil {
            report("language.yaml", "messages.\(name)", "is not a message the bot uses")
        }
        guard let stemmer = Stemmer(language: file.stemmer) else {
            let known = Stemmer.languages.joined(separator: ", ")
            report("language.yaml", "stemmer", "\"\(file.stemmer)\" is not a Snowball stemmer (known: \(known))")
            return nil
        }
        return Language(
            answerWords: answerWords, reading: buildReading(file.reading, ignored: file.ignoredWords, stemmer: stemmer),
            stemmer: stemmer, commandWords: commandWords, messages: messages, choosing: buildChoice(file.choosing))
    }

    /// The `choosing:` section: a code of letters and words that choose the language.
    mutating func buildChoice(_ entry: PromptFiles.ChoosingEntry) -> LanguageChoice {
        let code = entry.code.trimmingCharacters(in: .whitespaces).lowercased()
        if code.isEmpty || !code.allSatisfy({ $0.isASCII && $0.isLetter }) {
            report("language.yaml", "choosing.code", "must be a language code of letters, such as en or es")
        }
        checkNotEmpty(entry.name, file: "language.yaml", key: "choosing.name")
        let switchWords = normalized(entry.switch)
        if switchWords.isEmpty { report("language.yaml", "choosing.switch", "needs at least one word") }
        return LanguageChoice(
            code: code, name: entry.name, switchWords: switchWords, greetings: normalized(entry.greetings))
    }

    /// The `reading:` rules, normalized; number words must stand for whole numbers from 1.
    mutating func buildReading(_ entry: PromptFiles.ReadingEntry, ignored: [String], stemmer: Stemmer) -> ReadingRules {
        var numbers: [String: Int] = [:]
        for (key, words) in entry.numbers {
            guard let number = Int(key), number >= 1 else {
                report("language.yaml", "reading.numbers.\(key)", "must be a whole number from 1")
                continue
            }
            for word in normalized(words) {
                if let other = numbers[word], other != number {
                    report("language.yaml", "reading.numbers", "\"\(word)\" stands for both \(other) and \(number)")
                }
                numbers[word] = number
            }
        }
        let normalized = self.normalized
        let phrases = { (words: [String]) in normalized(words).map(TextNormalizer.words) }
        return ReadingRules(
            numberWords: Set(normalized(entry.numberWords)), numbers: numbers, last: phrases(entry.last),
            middle: phrases(entry.middle), fillers: Set(normalized(entry.fillers)), noteOpeners: normalized(entry.noteOpeners),
            joiners: Set(normalized(entry.joiners)), negators: Set(normalized(entry.negators)),
            modifiers: phrases(entry.modifiers), hedges: phrases(entry.hedges), contrasts: phrases(entry.contrasts),
            comparisons: phrases(entry.comparisons), counted: Set(normalized(entry.counted)),
            limiters: Set(normalized(entry.limiters)), ignoredWords: Set(normalized(ignored)),
            genericStems: Set(normalized(entry.genericWords).map(stemmer.stem)), commonWords: Set(normalized(entry.commonWords)))
    }

    // MARK: - scoring.yaml

    mutating func buildScoring(_ file: PromptFiles.ScoringFile, steps: [Step]) -> ScoringRules {
        let benefitIDs = steps.first { $0.role == .benefit }?.options.map(\.id) ?? []
        let sharedIDs = steps.first { $0.role == .sharedGoals }?.options.map(\.id) ?? []
        var ceiling: [String: [String: EngagementLevel]] = [:]
        for benefit in benefitIDs {
            guard let row = file.fitCeiling[benefit] else {
                report("scoring.yaml", "fit_ceiling.\(benefit)", "is missing (one row per benefit option)")
                continue
            }
            for shared in sharedIDs {
                let key = "fit_ceiling.\(benefit).\(shared)"
                guard let number = row[shared] else {
                    report("scoring.yaml", key, "is missing (one column per shared-goals option)")
                    continue
                }
                guard let level = EngagementLevel(rawValue: number) else {
                    report("scoring.yaml", key, "must be a level from 1 to 5, not \(number)")
                    continue
                }
                ceiling[benefit, default: [:]][shared] = level
            }
        }
        if !(1...4).contains(file.wordsGapFlag) {
            report("scoring.yaml", "words_gap_flag", "must be from 1 to 4, not \(file.wordsGapFlag)")
        }
        var hints: [EngagementLevel: [String]] = [:]
        for (key, phrases) in file.wordsHints {
            guard let number = Int(key), let level = EngagementLevel(rawValue: number) else {
                report("scoring.yaml", "words_hints.\(key)", "must be a level from 1 to 5")
                continue
            }
            hints[level] = normalized(phrases)
        }
        return ScoringRules(fitCeiling: ceiling, wordsGapFlag: file.wordsGapFlag, wordsHints: hints)
    }

    // MARK: - actions.yaml

    mutating func buildActions(_ file: PromptFiles.ActionsFile) -> ActionCatalog {
        var next: [EngagementDimension: [EngagementLevel: [String]]] = [:]
        var sustain: [EngagementDimension: [String]] = [:]
        for dimension in EngagementDimension.allCases {
            let byLevel = file.nextActions[dimension.rawValue] ?? [:]
            for level in EngagementLevel.allCases {
                let actions = byLevel[String(level.rawValue)] ?? []
                let key = "next_actions.\(dimension.rawValue).\(level.rawValue)"
                if actions.count < 2 { report("actions.yaml", key, "needs at least two actions, has \(actions.count)") }
                actions.enumerated().forEach { checkNotEmpty($1, file: "actions.yaml", key: "\(key)[\($0)]") }
                next[dimension, default: [:]][level] = actions
            }
            let keeping = file.sustain[dimension.rawValue] ?? []
            if keeping.count < 2 {
                report("actions.yaml", "sustain.\(dimension.rawValue)", "needs at least two actions, has \(keeping.count)")
            }
            sustain[dimension] = keeping
        }
        for name in Set(file.nextActions.keys).union(file.sustain.keys) where EngagementDimension(rawValue: name) == nil {
            report("actions.yaml", name, "is not a dimension (communication, resources, decisions)")
        }
        return ActionCatalog(next: next, sustain: sustain)
    }

    // MARK: - result.yaml

    mutating func buildResult(_ file: PromptFiles.ResultFile) -> ResultTemplates {
        var templates: [ResultTemplateKey: Template] = [:]
        for key in ResultTemplateKey.allCases {
            guard let text = file.templates[key.rawValue] else {
                report("result.yaml", key.rawValue, "is missing")
                continue
            }
            let template = Template(text)
            checkTemplate(template, file: "result.yaml", key: key.rawValue, allowed: key.placeholders)
            templates[key] = template
        }
        for name in file.templates.keys where ResultTemplateKey(rawValue: name) == nil {
            report("result.yaml", name, "is not a part of the result")
        }
        return ResultTemplates(templates: templates)
    }
}

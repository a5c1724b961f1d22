extension ScriptAssembler {
    /// Builds the steps of `script.yaml`, checking ids, kinds, roles, options and references.
    mutating func buildSteps(_ file: PromptFiles.ScriptFile, chart: Chart, language: Language) -> [Step] {
        let steps = buildSteps(file.steps, chart: chart, language: language, file: "script.yaml", list: "steps")
        checkRoles(steps)
        return steps
    }

    /// Builds a list of steps written as `script.yaml`'s are (also `workshop.yaml`'s partner steps).
    mutating func buildSteps(
        _ entries: [PromptFiles.StepEntry], chart: Chart, language: Language, file: String, list: String
    ) -> [Step] {
        var steps: [Step] = []
        var earlierRoles: Set<StepRole> = []
        for (index, entry) in entries.enumerated() {
            let key = "\(list)[\(index)] (\(entry.id))"
            if steps.contains(where: { $0.id == entry.id }) { report(file, "\(key).id", "is used twice") }
            checkStepID(entry.id, key: key, file: file)
            guard let kind = Step.Kind(rawValue: entry.kind) else {
                report(file, "\(key).kind", "must be text or choice, not \"\(entry.kind)\"")
                continue
            }
            var role: StepRole?
            if let name = entry.role {
                role = StepRole(rawValue: name)
                if role == nil {
                    let known = StepRole.allCases.map(\.rawValue).joined(separator: ", ")
                    report(file, "\(key).role", "unknown role \"\(name)\" (known: \(known))")
                }
            }
            let (options, dimension) = buildOptions(entry, kind: kind, chart: chart, key: key, file: file)
            checkReferences(entry, earlier: steps, key: key, file: file)
            var allowed: Set<String> = []
            if earlierRoles.contains(.organization) { allowed.insert("organization") }
            if earlierRoles.contains(.initiative) { allowed.insert("initiative") }
            checkTemplate(Template(entry.question), file: file, key: "\(key).question", allowed: allowed)
            checkNotEmpty(entry.question, file: file, key: "\(key).question")
            checkNotEmpty(entry.why, file: file, key: "\(key).why")
            if let role { earlierRoles.insert(role) }
            steps.append(
                Step(
                    id: entry.id, kind: kind, role: role, dimension: dimension, required: entry.required ?? false,
                    question: entry.question, note: entry.note, why: entry.why, options: options,
                    vocabulary: ChoiceVocabulary(options: options, language: language), dependsOn: entry.dependsOn ?? [],
                    askIfAnswered: entry.askIfAnswered))
        }
        return steps
    }

    /// A step id travels in the value of every button that answers the step, so its alphabet and
    /// length are bounded (`Question.isValidStepID`): the longest value fits every platform's limit.
    private mutating func checkStepID(_ id: StepID, key: String, file: String) {
        guard !Question.isValidStepID(id) else { return }
        report(
            file, "\(key).id",
            "must be 1 to \(Question.maximumStepIDLength) letters, digits, _ or - (buttons send it back)")
    }

    private mutating func checkReferences(_ entry: PromptFiles.StepEntry, earlier: [Step], key: String, file: String) {
        for id in entry.dependsOn ?? [] where !earlier.contains(where: { $0.id == id }) {
            report(file, "\(key).depends_on", "\"\(id)\" is not an earlier step")
        }
        if let id = entry.askIfAnswered, !earlier.contains(where: { $0.id == id }) {
            report(file, "\(key).ask_if_answered", "\"\(id)\" is not an earlier step")
        }
    }

    private mutating func buildOptions(
        _ entry: PromptFiles.StepEntry, kind: Step.Kind, chart: Chart, key: String, file: String
    ) -> ([AnswerOption], EngagementDimension?) {
        switch (kind, entry.options, entry.optionsFrom) {
        case (.text, nil, nil):
            return ([], nil)
        case (.text, _, _):
            report(file, key, "a text step has no options")
            return ([], nil)
        case (.choice, let entries?, nil):
            return (explicitOptions(entries, key: key, file: file), nil)
        case (.choice, nil, "levels"):
            return (levelOptions(chart), nil)
        case (.choice, nil, let source?):
            guard let dimension = EngagementDimension(rawValue: source), let row = chart.row(dimension) else {
                report(file, "\(key).options_from", "must be levels or a chart dimension, not \"\(source)\"")
                return ([], nil)
            }
            return (cellOptions(row, chart: chart), dimension)
        case (.choice, _, _):
            report(file, key, "a choice step needs either options or options_from")
            return ([], nil)
        }
    }

    private mutating func explicitOptions(_ entries: [PromptFiles.OptionEntry], key: String, file: String) -> [AnswerOption] {
        var options: [AnswerOption] = []
        for (index, entry) in entries.enumerated() {
            var meaning: AnswerMeaning?
            if let means = entry.means {
                meaning = AnswerMeaning(rawValue: means)
                if meaning == nil {
                    report(file, "\(key).options[\(index)].means", "must be yes, no or unsure, not \"\(means)\"")
                }
            }
            if options.contains(where: { $0.id == entry.id }) {
                report(file, "\(key).options[\(index)].id", "\"\(entry.id)\" is used twice")
            }
            options.append(
                AnswerOption(
                    id: entry.id, label: entry.label, shortLabel: entry.label, meaning: meaning,
                    words: normalized(entry.words ?? []), levels: nil))
        }
        if options.count < 2 { report(file, "\(key).options", "needs at least two options") }
        return options
    }

    private func levelOptions(_ chart: Chart) -> [AnswerOption] {
        chart.levels.map { level in
            AnswerOption(
                id: level.key, label: "\(level.name): \(level.summary)", shortLabel: level.name, meaning: nil,
                words: level.words, levels: LevelSpan(level.level), names: normalized([level.key, level.name]),
                sentences: Self.sentences(of: level.summary))
        }
    }

    /// A chart cell as an option: its text, the names of the levels it stands for, and the ways
    /// people say the cell and its level.
    private func cellOptions(_ row: Chart.Row, chart: Chart) -> [AnswerOption] {
        row.cells.map { cell in
            let levels = chart.levels.filter { cell.levels.contains($0.level) }
            return AnswerOption(
                id: cell.id, label: cell.text, shortLabel: chart.name(of: cell.levels), meaning: nil,
                // why: a shared cell (resources, levels 1–3) is not any one level, so no level's words speak for it.
                words: cell.words + (levels.count == 1 ? levels[0].words : []), levels: cell.levels,
                names: normalized(levels.flatMap { [$0.key, $0.name] }), sentences: Self.sentences(of: cell.text))
        }
    }

    /// "Resource sharing is considered. Funds may be shared." → its two sentences.
    static func sentences(of text: String) -> [String] {
        text.split(whereSeparator: { ".!?".contains($0) }).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }

    private mutating func checkRoles(_ steps: [Step]) {
        let single: [StepRole] = [.organization, .initiative, .benefit, .sharedGoals, .desired]
        for role in single {
            let count = steps.filter { $0.role == role }.count
            if count != 1 { report("script.yaml", "steps", "needs exactly one step with role \(role.rawValue), found \(count)") }
        }
        for dimension in EngagementDimension.allCases
        where !steps.contains(where: { $0.role == .current && $0.dimension == dimension }) {
            report("script.yaml", "steps", "needs a step with role current and options_from \(dimension.rawValue)")
        }
        for step in steps
        where [.benefit, .sharedGoals].contains(step.role) && step.options.contains(where: { $0.levels != nil }) {
            report("script.yaml", "steps (\(step.id)).options", "must list its own options, not options_from")
        }
        for step in steps where [.desired, .wordsLevel].contains(step.role) && step.options.count != 5 {
            report("script.yaml", "steps (\(step.id)).options_from", "must be levels")
        }
    }
}

extension ScriptAssembler {
    // MARK: - workshop.yaml

    /// Builds the workshop content, checking it against the member steps of `script.yaml`.
    mutating func buildWorkshop(
        _ file: PromptFiles.WorkshopFile, chart: Chart, language: Language, memberSteps: [Step]
    ) -> WorkshopContent {
        let name = "workshop.yaml"
        var requestWords: [WorkshopRequestKind: [String]] = [:]
        for kind in WorkshopRequestKind.allCases {
            let words = normalized(file.requests[kind.rawValue] ?? [])
            if words.isEmpty { report(name, "requests.\(kind.rawValue)", "needs at least one word") }
            requestWords[kind] = words
        }
        for key in file.requests.keys where WorkshopRequestKind(rawValue: key) == nil {
            report(name, "requests.\(key)", "is not a request (join, start, leave, team)")
        }
        let partnerSteps = buildSteps(
            file.partnerSteps, chart: chart, language: language, file: name, list: "partner_steps")
        checkPartnerSteps(partnerSteps, memberSteps: memberSteps)
        checkPhrases(of: partnerSteps, file: name, list: "partner_steps")
        let perspective = perspectiveStep(file.perspective, language: language)
        checkPhrases(of: [perspective], file: name, list: "perspective")
        let rules = TeamRules(
            minimumPeople: file.teamView.minimumPeople, levelsApart: file.teamView.levelsApart,
            partnersBelow: file.teamView.partnersBelow, questions: file.teamView.questions)
        checkRules(rules)
        if file.numbers.isEmpty { report(name, "numbers", "needs at least one number word") }
        checkNotEmpty(file.and, file: name, key: "and")
        let general = file.discussion.general.map(Template.init)
        if general.count < 3 { report(name, "discussion.general", "needs at least three questions, has \(general.count)") }
        for (index, question) in general.enumerated() {
            checkTemplate(question, file: name, key: "discussion.general[\(index)]", allowed: ["initiative"])
        }
        return WorkshopContent(
            requestWords: requestWords, perspectiveStep: perspective, partnerSteps: partnerSteps,
            messages: templates(file.messages, section: "messages", placeholders: \WorkshopMessageKey.placeholders),
            rules: rules, numberWords: file.numbers, andWord: file.and,
            discussion: templates(file.discussion.templates, section: "discussion", placeholders: \DiscussionKey.placeholders),
            generalQuestions: general,
            reasoning: templates(file.reasoning, section: "reasoning", placeholders: \ReasoningKey.placeholders))
    }

    /// The member-or-partner question, with the perspectives' raw values as its option ids, read
    /// like any choice question.
    private mutating func perspectiveStep(_ entry: PromptFiles.PerspectiveEntry, language: Language) -> Step {
        for (key, text) in [
            ("question", entry.question), ("why", entry.why), ("member", entry.member), ("partner", entry.partner),
        ] {
            checkNotEmpty(text, file: "workshop.yaml", key: "perspective.\(key)")
        }
        let options = [
            (Perspective.member, entry.member, entry.memberWords), (Perspective.partner, entry.partner, entry.partnerWords),
        ].map { perspective, label, words in
            // why: "member" and "partner" name the answer outright here, though "partner" is an
            // everyday word that decides nothing on the other questions.
            AnswerOption(
                id: perspective.rawValue, label: label, shortLabel: label, meaning: nil, words: normalized(words ?? []),
                levels: nil, names: [perspective.rawValue])
        }
        return Step(
            id: Perspective.stepID, kind: .choice, role: nil, dimension: nil, required: true, question: entry.question,
            note: nil, why: entry.why, options: options, vocabulary: ChoiceVocabulary(options: options, language: language),
            dependsOn: [], askIfAnswered: nil)
    }

    /// Partners answer about the same organization, initiative and chart rows, and are not asked
    /// what only the organization decides.
    private mutating func checkPartnerSteps(_ steps: [Step], memberSteps: [Step]) {
        let name = "workshop.yaml"
        for role in [StepRole.organization, .initiative] {
            let partner = steps.filter { $0.role == role }
            let member = memberSteps.first { $0.role == role }
            if partner.count != 1 {
                report(name, "partner_steps", "needs exactly one step with role \(role.rawValue), found \(partner.count)")
            } else if let member, partner[0].id != member.id {
                report(
                    name, "partner_steps (\(partner[0].id)).id",
                    "must be \"\(member.id)\", as in script.yaml, so partners' answers group with the members'")
            }
        }
        for dimension in EngagementDimension.allCases
        where steps.filter({ $0.role == .current && $0.dimension == dimension }).count != 1 {
            report(name, "partner_steps", "needs one step with role current and options_from \(dimension.rawValue)")
        }
        for step in steps where [.benefit, .sharedGoals, .desired].contains(step.role) {
            report(name, "partner_steps (\(step.id)).role", "partners are not asked \(step.role?.rawValue ?? "")")
        }
        let shared: Set<StepID> = Set(memberSteps.filter { [.organization, .initiative].contains($0.role) }.map(\.id))
        for step in steps where !shared.contains(step.id) && memberSteps.contains(where: { $0.id == step.id }) {
            report(name, "partner_steps (\(step.id)).id", "is a step of script.yaml; use an id of its own")
        }
        for step in steps + memberSteps where step.id == Perspective.stepID {
            report(name, "partner_steps", "the step id \"\(Perspective.stepID)\" is kept for the member-or-partner question")
        }
    }

    private mutating func checkRules(_ rules: TeamRules) {
        let name = "workshop.yaml"
        if rules.minimumPeople < 3 {
            report(name, "team_view.minimum_people", "must be at least 3, so no one's answers can be told apart")
        }
        if !(1...4).contains(rules.levelsApart) { report(name, "team_view.levels_apart", "must be from 1 to 4") }
        if !(1...4).contains(rules.partnersBelow) { report(name, "team_view.partners_below", "must be from 1 to 4") }
        if !(3...10).contains(rules.questions) { report(name, "team_view.questions", "must be from 3 to 10") }
    }

    /// One section's templates by key: each present, with only its own placeholders, and no others.
    private mutating func templates<Key: RawRepresentable & CaseIterable & Hashable>(
        _ texts: [String: String], section: String, placeholders: KeyPath<Key, Set<String>>
    ) -> [Key: Template] where Key.RawValue == String {
        var templates: [Key: Template] = [:]
        for key in Key.allCases {
            guard let text = texts[key.rawValue] else {
                report("workshop.yaml", "\(section).\(key.rawValue)", "is missing")
                continue
            }
            checkNotEmpty(text, file: "workshop.yaml", key: "\(section).\(key.rawValue)")
            checkTemplate(
                Template(text), file: "workshop.yaml", key: "\(section).\(key.rawValue)", allowed: key[keyPath: placeholders])
            templates[key] = Template(text)
        }
        for name in texts.keys where Key(rawValue: name) == nil {
            report("workshop.yaml", "\(section).\(name)", "is not used by the bot")
        }
        return templates
    }
}

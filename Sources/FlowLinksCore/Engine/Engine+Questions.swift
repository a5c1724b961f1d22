/// Which question comes next, and how a question is put.
extension Engine {
    /// Steps that apply given the answers so far (a step can depend on an earlier one being answered).
    func applicableSteps(_ answers: [StepID: Answer]) -> [Step] {
        script.steps.filter { isApplicable($0, answers) }
    }

    func isApplicable(_ step: Step, _ answers: [StepID: Answer]) -> Bool {
        guard let condition = step.askIfAnswered else { return true }
        guard let answer = answers[condition] else { return true }
        return !answer.skipped
    }

    /// The first applicable step without an answer.
    func firstUnanswered(_ answers: [StepID: Answer]) -> Step? {
        // why: asked on every turn; stops at the first match instead of copying the applicable steps.
        script.steps.first { answers[$0.id] == nil && isApplicable($0, answers) }
    }

    /// The question's position among the steps that apply, how many apply, and how many are answered.
    func progress(_ state: SessionState) -> (number: Int, total: Int, answered: Int) {
        let steps = applicableSteps(state.answers)
        let position = steps.firstIndex { $0.id == state.currentStep } ?? steps.count
        let answered = steps.filter { state.answers[$0.id] != nil }.count
        return (position + 1, steps.count, answered)
    }

    /// The current question, with its choices; a revisited question shows the earlier answer.
    func ask(in state: SessionState) -> [OutboundMessage] {
        guard let id = state.currentStep, let step = script.step(id) else { return [] }
        let wording = AnswerWording(script: script)
        var lines = [Template(step.question).render(wording.placeholders(state.answers))]
        if let suggested = suggestedOption(for: step, in: state.answers) {
            lines.append(script.language.message(.suggestion).render(["level": suggested.shortLabel]))
        }
        if let note = step.note { lines.append(note) }
        if let previous = state.answers[step.id] {
            lines.append(script.language.message(.previousAnswer).render(["answer": wording.describe(previous, for: step)]))
        }
        return [OutboundMessage(lines.joined(separator: "\n"), choices: choices(for: step))]
    }

    func choices(for step: Step) -> [Choice] {
        step.options.enumerated().map { index, option in
            Choice(
                number: index + 1, value: option.id, label: option.label, shortLabel: option.shortLabel,
                question: .step(step.id))
        }
    }

    /// On the words-level question, the level the team's words seem to convey.
    func suggestedOption(for step: Step, in answers: [StepID: Answer]) -> AnswerOption? {
        guard step.role == .wordsLevel, let wordsStep = script.step(for: .words),
            let words = answers[wordsStep.id]?.text,
            let level = WordsReader(rules: script.scoring).level(conveyedBy: words)
        else { return nil }
        return step.options.first { $0.levels == LevelSpan(level) }
    }

    /// A kind re-prompt; from the second miss in a row, a plain numbered list and an example.
    func reprompt(_ step: Step, in state: SessionState) -> Turn {
        var state = state
        state.misses += 1
        let language = script.language
        let choices = choices(for: step)
        guard state.misses >= 2, let example = choices.first else {
            return Turn(
                state: state, replies: [OutboundMessage(language.message(.notUnderstood).render(), choices: choices)],
                reading: ReadingEvent(step: step.id, outcome: .reasked))
        }
        let list = choices.map { language.message(.choiceLine).render(["number": "\($0.number)", "label": $0.label]) }
        let exampleLine = language.message(.example).render([
            "example_number": "\(example.number)", "example_label": example.shortLabel,
        ])
        let text = ([language.message(.notUnderstoodAgain).render()] + list + [exampleLine]).joined(separator: "\n")
        return Turn(
            state: state, replies: [OutboundMessage(text, choices: choices)],
            reading: ReadingEvent(step: step.id, outcome: .reaskedTwice))
    }

    /// What a finished session says to anything but a command.
    func alreadyDone(_ state: SessionState) -> OutboundMessage {
        if let partnerDone = partnerAlreadyDone(state) { return partnerDone }
        let wording = AnswerWording(script: script)
        let level = state.result.map { script.chart.name(of: $0.recommendation.recommended) } ?? ""
        return OutboundMessage(
            script.language.message(.alreadyDone).render([
                "initiative": wording.value(of: .initiative, in: state.answers) ?? "", "level": level,
            ]))
    }
}

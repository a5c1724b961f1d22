import Foundation

/// A workshop session runs its own version of the script: the member-or-partner question first,
/// then the members' questions or the partners' version, with the workshop's organizations and
/// initiatives offered as choices. Partners finish with a thank-you, not a recommendation.
extension Engine {
    /// The engine for the state's version of the script, when it is not this engine's.
    func rescoped(for state: SessionState) -> Engine? {
        let scope = WorkshopScope(state)
        let language = state.language ?? script.language.choosing.code
        guard scope != script.scope || language != script.language.choosing.code else { return nil }
        let translated = script.translated(to: language)
        return Engine(script: translated.scoped(to: scope), idleTimeout: idleTimeout, maxAnswerLength: maxAnswerLength)
    }

    /// Moves on in the right version of the script; finishes a partner's session with thanks.
    /// `nil` when the ordinary way of moving on applies.
    func advanceInWorkshop(_ state: SessionState, now: Date, prefix: [OutboundMessage]) -> Turn? {
        // why: answering the perspective question changes which questions follow, within the turn.
        if let scoped = rescoped(for: state) { return scoped.advance(state, now: now, prefix: prefix) }
        guard script.scope?.perspective == .partner, firstUnanswered(state.answers) == nil else { return nil }
        var state = state
        state.currentStep = nil
        state.status = .completed
        state.result = nil
        let thanks = script.workshop.message(.partnerThanks).render(AnswerWording(script: script).placeholders(state.answers))
        return Turn(state: state, replies: prefix + [OutboundMessage(thanks)])
    }

    /// What a partner's finished session says to anything but a command; `nil` for others.
    func partnerAlreadyDone(_ state: SessionState) -> OutboundMessage? {
        guard let scope = script.scope, scope.perspective == .partner, state.status == .completed else { return nil }
        let initiative = AnswerWording(script: script).value(of: .initiative, in: state.answers) ?? ""
        return OutboundMessage(
            script.workshop.message(.partnerDone).render(["initiative": initiative, "workshop": scope.link.name]))
    }

    /// A choice from a workshop's list, kept as the chosen name.
    func storedAsText(_ answer: Answer, on step: Step) -> Answer {
        guard let id = answer.optionID, let option = step.option(id) else { return answer }
        return Answer(text: option.label, answeredAt: answer.answeredAt)
    }
}

extension Script {
    /// The choice questions any version of the script asks, each id once: `script.yaml`'s, then the
    /// workshop's member-or-partner question and partner version.
    public var everyChoiceStep: [Step] {
        var seen: Set<StepID> = []
        return (memberSteps + [workshop.perspectiveStep] + workshop.partnerSteps).filter {
            $0.kind == .choice && seen.insert($0.id).inserted
        }
    }

    /// The version of the script for a workshop and perspective; `script.yaml`'s own for `nil`.
    public func scoped(to scope: WorkshopScope?) -> Script {
        guard let scope else {
            return Script(
                version: version, welcome: welcome, steps: memberSteps, chart: chart, language: language,
                confirmation: confirmation, scoring: scoring, actions: actions, result: result, workshop: workshop,
                memberSteps: memberSteps, translations: translations)
        }
        let flow = scope.perspective == .partner ? workshop.partnerSteps : memberSteps
        let steps = [workshop.perspectiveStep] + flow.map { Self.offering($0, from: scope.link, language: language) }
        return Script(
            version: version, welcome: welcome, steps: steps, chart: chart, language: language,
            confirmation: confirmation, scoring: scoring, actions: actions, result: result, workshop: workshop,
            memberSteps: memberSteps, scope: scope, translations: translations)
    }

    /// The version of the script a session with these answers ran (members', or partners' in a workshop).
    public func scoped(toAnswers answers: [StepID: Answer], in link: WorkshopLink?) -> Script {
        guard let link else { return scoped(to: nil) }
        return scoped(to: WorkshopScope(link: link, perspective: Perspective(answers: answers)))
    }

    /// The step as a workshop asks it: after the perspective question, and with the workshop's
    /// organizations or initiatives as choices when it lists them.
    private static func offering(_ step: Step, from link: WorkshopLink, language: Language) -> Step {
        var step = step
        // why: a changed perspective changes every question after it, so their answers go.
        step.dependsOn.append(Perspective.stepID)
        let names = step.role == .organization ? link.organizations : step.role == .initiative ? link.initiatives : []
        guard !names.isEmpty else { return step }
        let options = names.enumerated().map { index, name in
            // why: a workshop's own name for an organization or initiative names it outright.
            AnswerOption(
                id: "\(step.id)-\(index + 1)", label: name, shortLabel: name, meaning: nil, words: [], levels: nil,
                names: [TextNormalizer.normalize(name)])
        }
        var choice = Step(
            id: step.id, kind: .choice, role: step.role, dimension: step.dimension, required: step.required,
            question: step.question, note: nil, why: step.why, options: options,
            vocabulary: ChoiceVocabulary(options: options, language: language), dependsOn: step.dependsOn,
            askIfAnswered: step.askIfAnswered)
        choice.storesChoiceAsText = true
        return choice
    }
}

import Foundation

/// The commands a person can type at any point, and the yes/no that confirms a destructive one.
extension Engine {
    func run(_ command: Command, in state: SessionState, now: Date) -> Turn {
        var state = state
        let language = script.language
        let step = state.currentStep.flatMap(script.step)
        let finished = state.status == .completed
        switch command {
        case .help:
            let hint = step.map { language.message($0.kind == .choice ? .helpChoice : .helpText).render() }
            let help = OutboundMessage(([language.message(.help).render()] + (hint.map { [$0] } ?? [])).joined(separator: "\n\n"))
            return Turn(state: state, replies: [help] + ask(in: state))
        case .why:
            guard let step else { return Turn(state: state, replies: [alreadyDone(state)]) }
            let why = OutboundMessage(language.message(.whyPrefix).render() + step.why)
            return Turn(state: state, replies: [why] + ask(in: state))
        case .status:
            return status(state)
        case .back:
            return back(state)
        case .skip:
            guard let step else { return Turn(state: state, replies: [alreadyDone(state)]) }
            guard !step.required else {
                let refusal = OutboundMessage(language.message(.skipRefused).render())
                return Turn(state: state, replies: [refusal] + ask(in: state))
            }
            return record(
                .skip(at: now), for: step, in: state, now: now, prefix: [OutboundMessage(language.message(.skipped).render())])
        case .pause:
            guard !finished else { return Turn(state: state, replies: [alreadyDone(state)]) }
            return pause(state, now: now)
        case .restart, .delete:
            let confirmation: Confirmation = command == .restart ? .restart : .delete
            state.pendingConfirmation = confirmation
            let key: MessageKey = confirmation == .restart ? .restartConfirm : .deleteConfirm
            let choices = yesNoChoices(for: confirmation)
            return Turn(state: state, replies: [OutboundMessage(language.message(key).render(), choices: choices)])
        }
    }

    /// Reads the reply to "are you sure?": anything but yes cancels.
    func confirm(_ pending: Confirmation, reply: String, in state: SessionState, now: Date) -> Turn {
        let question = script.confirmation
        let reading = ChoiceInterpreter(language: script.language).interpret(
            reply, options: question.options, vocabulary: question.vocabulary)
        // why: erasing or restarting is kept only on a clear yes; "probably" cancels.
        let confirmed = reading?.optionID == question.options[0].id && reading?.confidence == .high
        return confirm(pending, confirmed: confirmed, in: state, now: now)
    }

    /// Carries out a confirmed restart or erasure, or cancels it.
    func confirm(_ pending: Confirmation, confirmed: Bool, in state: SessionState, now: Date) -> Turn {
        var state = state
        state.pendingConfirmation = nil
        guard confirmed else {
            let cancelled = OutboundMessage(script.language.message(.cancelled).render())
            let next = state.status == .completed ? [alreadyDone(state)] : ask(in: state)
            return Turn(state: state, replies: [cancelled] + next)
        }
        switch pending {
        case .delete:
            return Turn(state: state, replies: [OutboundMessage(script.language.message(.deleted).render())], effect: .erase)
        case .restart:
            let fresh = begin(now: now).state
            let restarted = OutboundMessage(script.language.message(.restarted).render())
            return Turn(state: fresh, replies: [restarted] + ask(in: fresh), effect: .startNewSession)
        }
    }

    private func status(_ state: SessionState) -> Turn {
        let language = script.language
        guard state.status != .completed, state.currentStep != nil else {
            if let partnerDone = partnerAlreadyDone(state) { return Turn(state: state, replies: [partnerDone]) }
            let wording = AnswerWording(script: script)
            let done = language.message(.statusDone).render([
                "initiative": wording.value(of: .initiative, in: state.answers) ?? "",
                "level": state.result.map { script.chart.name(of: $0.recommendation.recommended) } ?? "",
            ])
            let parts = state.result?.parts.map { OutboundMessage($0.text) } ?? []
            return Turn(state: state, replies: [OutboundMessage(done)] + parts)
        }
        let progress = progress(state)
        let text = language.message(.status).render([
            "number": "\(progress.number)", "total": "\(progress.total)", "answered": "\(progress.answered)",
        ])
        return Turn(state: state, replies: [OutboundMessage(text)] + ask(in: state))
    }

    /// Goes back to the answered question before the current one (the last one, after the result).
    private func back(_ state: SessionState) -> Turn {
        var state = state
        let steps = applicableSteps(state.answers)
        let before = state.currentStep.flatMap { id in steps.firstIndex { $0.id == id } } ?? steps.count
        guard let previous = steps[..<before].last(where: { state.answers[$0.id] != nil }) else {
            let atStart = OutboundMessage(script.language.message(.backAtStart).render())
            return Turn(state: state, replies: [atStart] + ask(in: state))
        }
        state.currentStep = previous.id
        state.status = .active
        state.result = nil
        state.misses = 0
        return Turn(state: state, replies: [OutboundMessage(script.language.message(.back).render())] + ask(in: state))
    }

    private func yesNoChoices(for pending: Confirmation) -> [Choice] {
        script.confirmation.options.enumerated().map {
            Choice(
                number: $0 + 1, value: $1.id, label: $1.label, shortLabel: $1.shortLabel, question: .confirmation(pending))
        }
    }
}

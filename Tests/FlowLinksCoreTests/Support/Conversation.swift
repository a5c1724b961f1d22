import FlowLinksCore
import FlowLinksTesting
import Foundation

/// Drives the engine like a person would, one reply at a time, without any I/O.
struct Conversation {
    let engine: Engine
    let clock = TestClock()
    private(set) var state: SessionState
    private(set) var lastTurn: Turn

    init(engine: Engine = Engine(script: DefaultPrompts.script)) {
        self.engine = engine
        let turn = engine.begin(now: clock.now)
        self.state = turn.state
        self.lastTurn = turn
    }

    /// A conversation whose first message was `first`, from a platform that sent `locale`.
    init(engine: Engine = Engine(script: DefaultPrompts.script), saying first: String, locale: String? = nil) {
        self.engine = engine
        let turn = engine.begin(now: clock.now, saying: first, locale: locale)
        self.state = turn.state
        self.lastTurn = turn
    }

    /// Sends one reply and returns the bot's messages as one text.
    @discardableResult
    mutating func say(_ text: String) -> String {
        clock.advance(30)
        return take(engine.reply(to: text, in: state, now: clock.now)).replies.map(\.text).joined(separator: "\n")
    }

    /// Continues from a turn the engine took, as the store would.
    mutating func take(_ turn: Turn) -> Turn {
        lastTurn = turn
        state = turn.state
        return turn
    }

    /// Sends each reply in turn.
    mutating func say(_ texts: [String]) {
        for text in texts { say(text) }
    }

    var currentStep: StepID? { state.currentStep }

    func answer(_ step: StepID) -> Answer? { state.answers[step] }
}

/// What one inbound message does: the new state, the replies, and anything the store must do.
public struct Turn: Sendable {
    public var state: SessionState
    public var replies: [OutboundMessage]
    public var effect: Effect
    /// What became of a reply to a choice question, for counting which questions confuse people.
    public var reading: ReadingEvent?

    /// Work beyond saving the new state.
    public enum Effect: Equatable, Sendable {
        case none
        /// Erase the conversation's sessions and everything recorded for them.
        case erase
        /// Close this session and continue in a new one that starts from `state`.
        case startNewSession
        /// Work on a workshop that needs the database (`Engine+Workshops`).
        case workshop(WorkshopRequest)
    }

    public init(state: SessionState, replies: [OutboundMessage], effect: Effect = .none, reading: ReadingEvent? = nil) {
        self.state = state
        self.replies = replies
        self.effect = effect
        self.reading = reading
    }
}

/// What became of one reply to a choice question.
public struct ReadingEvent: Equatable, Sendable {
    public let step: StepID
    public let outcome: ReadingOutcome

    public init(step: StepID, outcome: ReadingOutcome) {
        self.step = step
        self.outcome = outcome
    }
}

/// The ways a reply to a choice question can go.
public enum ReadingOutcome: String, CaseIterable, Sendable {
    /// Understood at once and kept.
    case taken
    /// A likely reading, checked with the person in one line.
    case confirming
    /// The person said yes to the checked reading.
    case confirmed
    /// The person said no to it and was shown the options again.
    case declined
    /// Not understood; the options were repeated.
    case reasked
    /// Not understood a second time or more; the plain numbered list and an example.
    case reaskedTwice = "reasked_twice"
    /// Left unanswered after a miss or an unconfirmed reading: paused, restarted, erased, or back
    /// after the idle timeout.
    case abandoned
}

/// A platform-neutral message from the bot: text, and choices a channel shows as buttons or a list.
public struct OutboundMessage: Equatable, Codable, Sendable {
    public var text: String
    public var choices: [Choice]
    /// Set when the message only answers a button press that changed nothing; a channel shows it
    /// beside the pressed button (a notice over the chat, a message only the presser sees).
    public var notice: Notice?

    public init(_ text: String, choices: [Choice] = [], notice: Notice? = nil) {
        self.text = text
        self.choices = choices
        self.notice = notice
    }

    /// Why a message is a notice rather than a turn of the conversation.
    public enum Notice: String, Codable, Sendable {
        /// The press belonged to a question that is not the current one.
        case stalePress = "stale_press"
    }
}

/// One choice offered with a message: `value` is the option's id; a button sends back a
/// `ChoicePress` naming the session, `question` and `number`.
public struct Choice: Equatable, Codable, Sendable {
    /// Its number in a numbered list; 0 for a choice that is not numbered (the Yes of a confirmation).
    public var number: Int
    public var value: String
    public var label: String
    public var shortLabel: String
    /// The question the choice answers; `nil` in choices stored before buttons carried it.
    public var question: Question?

    public init(number: Int, value: String, label: String, shortLabel: String, question: Question? = nil) {
        self.number = number
        self.value = value
        self.label = label
        self.shortLabel = shortLabel
        self.question = question
    }
}

/// A press of a button FlowLinks sent: the session and question it belongs to, and the option's
/// number. Travels as a compact token in the button's value: `fl:<session>:<option>:<question>`.
public struct ChoicePress: Hashable, Sendable {
    public var sessionID: Int64
    public var question: Question
    /// The option's number among the question's choices, from 1; 0 for the unnumbered "Yes, that's
    /// it" that keeps a reading checked with the person.
    public var option: Int

    public init(sessionID: Int64, question: Question, option: Int) {
        self.sessionID = sessionID
        self.question = question
        self.option = option
    }

    static let prefix = "fl:"
    /// The most bytes a token may take: Telegram's `callback_data` limit, the tightest of the
    /// platforms that send a button's value back (Discord 100, WhatsApp 256, Slack 2000). A
    /// validated script's longest is 60: a 19-digit session, a 4-digit option, a 32-character step id.
    public static let maximumTokenLength = 64

    /// The button's value, e.g. `fl:42:2:benefit`.
    // why: the question comes last, so it is the only part that may hold any character.
    public var token: String { "\(Self.prefix)\(sessionID):\(option):\(question.text)" }

    /// Reads a button's value; `nil` when it is not a token (a button sent before buttons carried
    /// their question, or a value some other app chose).
    public init?(token: String) {
        guard token.hasPrefix(Self.prefix) else { return nil }
        let parts = token.dropFirst(Self.prefix.count).split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, Self.isDigits(parts[0], upTo: 19), Self.isDigits(parts[1], upTo: 4),
            let sessionID = Int64(parts[0]), sessionID > 0, let option = Int(parts[1]),
            let question = Question(text: String(parts[2]))
        else { return nil }
        // why: only a step's checked reading has an unnumbered choice (0), its "Yes, that's it".
        guard option > 0 || question.isStep else { return nil }
        self.init(sessionID: sessionID, question: question, option: option)
    }

    private static func isDigits(_ text: Substring, upTo count: Int) -> Bool {
        (1...count).contains(text.utf8.count) && text.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }
}

/// What a pressed button sent back, as the channel read it.
public enum ButtonPress: Hashable, Sendable {
    /// A button carrying its session and question.
    case choice(ChoicePress)
    /// A value that names no question, such as an option id from a button sent before buttons
    /// carried their question; such a press answers nothing.
    case unrecognized(String)

    public init(value: String) {
        self = ChoicePress(token: value).map(ButtonPress.choice) ?? .unrecognized(value)
    }
}

/// What became of a button press, so a channel knows whether to mark the pressed question answered.
public enum PressOutcome: String, Sendable {
    /// It answered the current question (or the yes/no of a pending confirmation).
    case accepted
    /// It belongs to another question, session or time; nothing changed and the reply is a notice.
    case stale

    /// The outcome a turn's replies record: a stale press is answered by a notice and nothing else.
    // why: read from the replies, so a replayed event, whose replies are stored, renders the same.
    public init(replies: [OutboundMessage]) {
        self = replies.contains { $0.notice == .stalePress } ? .stale : .accepted
    }
}

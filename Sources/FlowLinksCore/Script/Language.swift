/// How replies are understood and what the bot says around the questions.
public struct Language: Sendable {
    /// Normalized ordinary words for yes, no and unsure.
    public let answerWords: [AnswerMeaning: [String]]
    /// The rules and small words of reading a reply.
    public let reading: ReadingRules
    /// Reads word forms in replies and in the vocabulary.
    public let stemmer: Stemmer
    /// Normalized phrases for each command.
    public let commandWords: [Command: [String]]
    public let messages: [MessageKey: Template]
    /// Which language this is and how a conversation comes to use it.
    public let choosing: LanguageChoice
    /// `answerWords`, each split into its words once, for matching replies.
    let answerPhrases: [AnswerMeaning: [[String]]]
    /// The answers of a single word ("yes", "nope").
    let oneWordAnswers: Set<String>
    /// The words an answer can start with: a reply word that is none of them starts no answer.
    let answerFirstWords: Set<String>

    init(
        answerWords: [AnswerMeaning: [String]], reading: ReadingRules, stemmer: Stemmer, commandWords: [Command: [String]],
        messages: [MessageKey: Template], choosing: LanguageChoice
    ) {
        self.choosing = choosing
        self.answerWords = answerWords
        self.reading = reading
        self.stemmer = stemmer
        self.commandWords = commandWords
        self.messages = messages
        self.answerPhrases = answerWords.mapValues { $0.map(TextNormalizer.words) }
        self.oneWordAnswers = Set(answerPhrases.values.flatMap { $0 }.filter { $0.count == 1 }.map { $0[0] })
        self.answerFirstWords = Set(answerPhrases.values.flatMap { $0 }.compactMap(\.first))
    }

    public func message(_ key: MessageKey) -> Template { messages[key] ?? Template("") }
}

/// A language's code and name, and the words that choose it: `choosing:` in `language.yaml`.
public struct LanguageChoice: Sendable, Equatable {
    /// The code that names it ("es") and that platform locales ("es-MX") start with.
    public let code: String
    /// Its own name, shown to facilitators.
    public let name: String
    /// Normalized words that switch a conversation to it at any time ("español").
    public let switchWords: [String]
    /// Normalized greetings that choose it when they open a conversation ("hola").
    public let greetings: [String]

    /// Whether a platform's or browser's locale ("es-MX", "es_419", "ES") names this language.
    public func matches(locale: String) -> Bool {
        let primary = locale.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).first
        return primary.map(String.init) == code.lowercased()
    }
}

/// A command a person can type at any point of the conversation.
public enum Command: String, CaseIterable, Codable, Sendable {
    case help, back, skip, why, status, pause, restart, delete
}

/// The bot's own sentences, as keys of `messages:` in `Prompts/language.yaml`.
public enum MessageKey: String, CaseIterable, Sendable {
    case help
    case helpChoice = "help_choice"
    case helpText = "help_text"
    case notUnderstood = "not_understood"
    case notUnderstoodAgain = "not_understood_again"
    case example
    case emptyAnswer = "empty_answer"
    case emptyAnswerOptional = "empty_answer_optional"
    case tooLong = "too_long"
    case skipped
    case skipRefused = "skip_refused"
    case whyPrefix = "why_prefix"
    case back
    case backAtStart = "back_at_start"
    case previousAnswer = "previous_answer"
    case status
    case statusDone = "status_done"
    case paused
    case resumed
    case restartConfirm = "restart_confirm"
    case restarted
    case deleteConfirm = "delete_confirm"
    case confirmYes = "confirm_yes"
    case confirmNo = "confirm_no"
    case deleted
    case cancelled
    case suggestion
    case confirmReading = "confirm_reading"
    case confirmReadingYes = "confirm_reading_yes"
    case readingDeclined = "reading_declined"
    case alreadyDone = "already_done"
    case choiceLine = "choice_line"
    case answerWithNote = "answer_with_note"
    case skippedAnswer = "skipped_answer"
    case rateLimited = "rate_limited"
    /// Said in the new language after "español" or "english" switched the conversation.
    case languageSwitched = "language_switched"
    /// The button that opens a list of options, on platforms that show long choice lists that way.
    case chooseButton = "choose_button"
    /// A button press that changed nothing: the question was not the current one, the reflection
    /// is finished or paused, or the conversation was erased.
    case pressOutdated = "press_outdated"
    case pressFinished = "press_finished"
    case pressPaused = "press_paused"
    case pressEnded = "press_ended"
    /// The web chat page's own words: its introduction, labels and buttons, and a note on privacy.
    case chatTitle = "chat_title"
    case chatSkip = "chat_skip"
    case chatIntro = "chat_intro"
    case chatStart = "chat_start"
    case chatAnswerLabel = "chat_answer_label"
    case chatSend = "chat_send"
    case chatStartOver = "chat_start_over"
    case chatDelete = "chat_delete"
    case chatHelp = "chat_help"
    case chatPrivacy = "chat_privacy"
    case chatBot = "chat_bot"
    case chatYou = "chat_you"
    case chatBack = "chat_back"

    /// The placeholders this message may use.
    public var placeholders: Set<String> {
        switch self {
        case .example: ["example_number", "example_label"]
        case .tooLong: ["limit"]
        case .previousAnswer: ["answer"]
        case .status: ["number", "total", "answered"]
        case .statusDone, .alreadyDone: ["initiative", "level"]
        case .paused: ["number", "total"]
        case .resumed: ["number", "total"]
        case .suggestion: ["level"]
        case .confirmReading: ["number", "label"]
        case .choiceLine: ["number", "label"]
        case .answerWithNote: ["choice", "note"]
        default: []
        }
    }

    /// The most characters the message may have, where it is shown in a small space.
    public var maximumLength: Int? {
        switch self {
        // why: shown over the chat beside the pressed button; Telegram cuts such a notice at 200.
        case .pressOutdated, .pressFinished, .pressPaused, .pressEnded: 200
        default: nil
        }
    }
}

import Foundation

/// Everything the engine needs to continue a conversation; the store persists it.
public struct SessionState: Equatable, Codable, Sendable {
    public enum Status: String, Codable, Sendable, CaseIterable {
        case active, paused, completed
    }

    public var status: Status
    /// The step being asked; `nil` once the session is completed.
    public var currentStep: StepID?
    /// The current answer to each step; earlier answers are kept by the store as history.
    public var answers: [StepID: Answer]
    /// Replies in a row that were not understood at the current step.
    public var misses: Int
    /// A destructive command waiting for a yes.
    public var pendingConfirmation: Confirmation?
    /// A likely reading of the last reply, waiting for the person's yes ("Sounds like 4. Involving").
    public var pendingReading: PendingReading?
    public var lastActivity: Date
    public var contentVersion: String
    public var result: SessionResult?
    /// The workshop the session belongs to, if the person joined one.
    public var workshop: WorkshopLink?
    /// The code of the language the conversation is held in; `nil` for the content's default.
    public var language: String?

    public init(
        status: Status = .active, currentStep: StepID?, answers: [StepID: Answer] = [:], misses: Int = 0,
        pendingConfirmation: Confirmation? = nil, pendingReading: PendingReading? = nil, lastActivity: Date,
        contentVersion: String, result: SessionResult? = nil, workshop: WorkshopLink? = nil,
        language: String? = nil
    ) {
        self.language = language
        self.status = status
        self.currentStep = currentStep
        self.answers = answers
        self.misses = misses
        self.pendingConfirmation = pendingConfirmation
        self.pendingReading = pendingReading
        self.lastActivity = lastActivity
        self.contentVersion = contentVersion
        self.result = result
        self.workshop = workshop
    }
}

/// A command that asked "are you sure?".
public enum Confirmation: String, Codable, Sendable {
    case restart, delete
}

/// A reading of a reply to the current question that the bot asked the person to confirm.
public struct PendingReading: Equatable, Codable, Sendable {
    public var optionID: String
    /// The note that came with the reply, kept if the reading is confirmed.
    public var note: String?

    public init(optionID: String, note: String?) {
        self.optionID = optionID
        self.note = note
    }
}

/// One answer: a chosen option with an optional note, free text, or a skip.
public struct Answer: Equatable, Codable, Sendable {
    public var optionID: String?
    /// Free text, or the note that followed a choice.
    public var text: String?
    public var skipped: Bool
    public var answeredAt: Date

    public init(optionID: String? = nil, text: String? = nil, skipped: Bool = false, answeredAt: Date) {
        self.optionID = optionID
        self.text = text
        self.skipped = skipped
        self.answeredAt = answeredAt
    }

    public static func skip(at date: Date) -> Answer { Answer(skipped: true, answeredAt: date) }

    /// Whether two answers say the same thing, whenever they were given.
    func means(_ other: Answer) -> Bool {
        optionID == other.optionID && text == other.text && skipped == other.skipped
    }
}

import FlowLinksCore
import Foundation
import GRDB

/// A row of `answers`. A changed answer is kept, with `replacedAt` set, so history stays visible.
public struct AnswerRecord: Codable, Equatable, Sendable {
    public var id: Int64?
    public var sessionId: Int64
    public var stepId: String
    public var optionId: String?
    public var text: String?
    public var skipped: Bool
    public var answeredAt: Date
    public var replacedAt: Date?

    /// An answer with every column given.
    // why: public, so another backend's stores (FlowLinksPostgres) can build it from their rows.
    public init(
        id: Int64? = nil, sessionId: Int64, stepId: String, optionId: String? = nil, text: String? = nil, skipped: Bool,
        answeredAt: Date, replacedAt: Date? = nil
    ) {
        self.id = id
        self.sessionId = sessionId
        self.stepId = stepId
        self.optionId = optionId
        self.text = text
        self.skipped = skipped
        self.answeredAt = answeredAt
        self.replacedAt = replacedAt
    }

    /// The answer in the engine's terms.
    public var answer: Answer {
        Answer(optionID: optionId, text: text, skipped: skipped, answeredAt: answeredAt)
    }
}

// why: answers are read on every turn; explicit column mapping skips Codable's cost. Writing
// through Codable (a record `insert`) maps the properties to snake-case columns.
extension AnswerRecord: FetchableRecord, MutablePersistableRecord, SnakeCaseColumns {
    public static let databaseTableName = "answers"

    public init(row: Row) throws {
        id = row["id"]
        sessionId = row["session_id"]
        stepId = row["step_id"]
        optionId = row["option_id"]
        text = row["text"]
        skipped = row["skipped"]
        answeredAt = row["answered_at"]
        replacedAt = row["replaced_at"]
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

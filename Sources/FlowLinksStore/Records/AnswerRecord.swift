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
}

extension AnswerRecord: FetchableRecord, MutablePersistableRecord, SnakeCaseColumns {
    public static let databaseTableName = "answers"

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

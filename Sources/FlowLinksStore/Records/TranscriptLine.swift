import FlowLinksCore
import Foundation
import GRDB

/// A row of `transcript`: one message in or out, as it was sent.
public struct TranscriptLine: Codable, Equatable, Sendable {
    public enum Direction: String, Codable, Sendable { case inbound = "in", outbound = "out" }

    public var id: Int64?
    public var sessionId: Int64
    public var direction: Direction
    public var text: String
    public var choices: [Choice]?
    public var participant: String?
    public var platformMessageId: String?
    public var createdAt: Date
}

extension TranscriptLine: FetchableRecord, MutablePersistableRecord, SnakeCaseColumns {
    public static let databaseTableName = "transcript"

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

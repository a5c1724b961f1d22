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

    /// A transcript line with every column given.
    // why: public, so another backend's stores (FlowLinksPostgres) can build it from their rows.
    public init(
        id: Int64? = nil, sessionId: Int64, direction: Direction, text: String, choices: [Choice]? = nil,
        participant: String? = nil, platformMessageId: String? = nil, createdAt: Date
    ) {
        self.id = id
        self.sessionId = sessionId
        self.direction = direction
        self.text = text
        self.choices = choices
        self.participant = participant
        self.platformMessageId = platformMessageId
        self.createdAt = createdAt
    }
}

extension TranscriptLine: FetchableRecord, MutablePersistableRecord, SnakeCaseColumns {
    public static let databaseTableName = "transcript"

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

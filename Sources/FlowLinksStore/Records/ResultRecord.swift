import FlowLinksCore
import Foundation
import GRDB

/// A row of `results`: a finished session's recommendation and the message that carried it.
public struct ResultRecord: Codable, Equatable, Sendable {
    public var sessionId: Int64
    public var recommendedLevel: Int
    public var overallLevel: Int
    public var result: SessionResult
    public var contentVersion: String
    public var createdAt: Date

    /// A result with every column given.
    // why: public, so another backend's stores (FlowLinksPostgres) can build it from their rows.
    public init(
        sessionId: Int64, recommendedLevel: Int, overallLevel: Int, result: SessionResult, contentVersion: String, createdAt: Date
    ) {
        self.sessionId = sessionId
        self.recommendedLevel = recommendedLevel
        self.overallLevel = overallLevel
        self.result = result
        self.contentVersion = contentVersion
        self.createdAt = createdAt
    }
}

extension ResultRecord: FetchableRecord, PersistableRecord, SnakeCaseColumns {
    public static let databaseTableName = "results"
}

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
}

extension ResultRecord: FetchableRecord, PersistableRecord, SnakeCaseColumns {
    public static let databaseTableName = "results"
}

import FlowLinksCore
import Foundation
import GRDB

/// A row of `processed_events`: a webhook event already answered, and the replies it got, so a
/// retry of the same event gets the same answer and changes nothing.
struct ProcessedEvent: Codable, Sendable {
    var channel: String
    var conversation: String
    var eventId: String
    var sessionId: Int64?
    var status: SessionStatus?
    var replies: [OutboundMessage]
    var createdAt: Date
}

extension ProcessedEvent: FetchableRecord, PersistableRecord, SnakeCaseColumns {
    static let databaseTableName = "processed_events"
}

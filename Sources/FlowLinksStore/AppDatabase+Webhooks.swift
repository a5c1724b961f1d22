import FlowLinksCore
import Foundation
import GRDB

extension AppDatabase {
    /// A webhook event's turn, exactly once: the dedupe record, the turn and the outbox rows the
    /// rendered reply needs commit together. A retried event gets the replies stored the first
    /// time, rendered again, and changes nothing. Turns arriving together share a commit
    /// (`GroupCommit`); each still commits whole or not at all, and returns only once committed.
    ///
    /// `render` turns the outcome into the channel's response and any API calls to queue; it runs
    /// inside the transaction, so it must be quick and pure.
    public func converse<Rendered: Sendable>(
        _ message: InboundMessage, eventID: String, engine: Engine, now: Date,
        render: @escaping @Sendable (TurnOutcome) -> (Rendered, [OutboxEntry])
    ) async throws -> (TurnOutcome, Rendered) {
        try await turns.write { db in
            try Self.takeWebhookTurn(db, message, eventID: eventID, engine: engine, now: now, render: render)
        }
    }

    /// Whether this event was answered before.
    public func hasProcessed(channel: String, eventID: String) async throws -> Bool {
        try await writer.read { db in
            try ProcessedEvent.exists(db, key: ["channel": channel, "event_id": eventID])
        }
    }

    static func takeWebhookTurn<Rendered>(
        _ db: Database, _ message: InboundMessage, eventID: String, engine: Engine, now: Date,
        render: (TurnOutcome) -> (Rendered, [OutboxEntry])
    ) throws -> (TurnOutcome, Rendered) {
        let channel = message.key.channel
        let processedStatement = try db.cachedStatement(
            sql: "SELECT * FROM processed_events WHERE channel = ? AND event_id = ?")
        if let processed = try ProcessedEvent.fetchOne(processedStatement, arguments: [channel, eventID]) {
            let outcome = TurnOutcome(
                sessionID: processed.sessionId, status: processed.status, replies: processed.replies, replayed: true)
            return (outcome, render(outcome).0)
        }
        let outcome = try takeTurn(db, message, engine: engine, now: now)
        let (rendered, entries) = render(outcome)
        try ProcessedEvent(
            channel: channel, eventId: eventID, sessionId: outcome.sessionID, status: outcome.status,
            replies: outcome.replies, createdAt: now
        ).insert(db)
        for entry in entries {
            var record = OutboxRecord(
                sessionId: outcome.sessionID, channel: entry.channel, conversation: message.key.conversation,
                method: entry.method, body: Data(entry.body), status: .pending, attempts: 0, nextAttemptAt: now,
                createdAt: now)
            try record.insert(db)
        }
        return (outcome, rendered)
    }
}

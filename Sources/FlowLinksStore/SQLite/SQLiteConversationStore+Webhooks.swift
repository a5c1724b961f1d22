import FlowLinksCore
import Foundation
import GRDB

extension SQLiteConversationStore {
    /// Turns arriving together share a commit (`GroupCommit`); each still commits whole or not at
    /// all, and returns only once committed.
    public func converse<Rendered: Sendable>(
        _ message: InboundMessage, eventID: String, engine: Engine, now: Date,
        render: @escaping @Sendable (TurnOutcome) -> (Rendered, [PlatformCall])
    ) async throws -> (TurnOutcome, Rendered) {
        // why: the whole turn (dedupe, load, engine, rendering, writes) runs on the writer: one hop
        // there and one back. Planning on a read snapshot beside the writer, as before, cost two
        // more thread hops, a second dedupe check and a revision check per turn, and on 2 cores
        // measured 27-36 % more CPU per turn and about twice the context switches.
        try await database.turns.write { db in
            try Self.takeWebhookTurn(db, message, eventID: eventID, engine: engine, now: now, render: render)
        }
    }

    public func hasProcessed(_ key: ConversationKey, eventID: String) async throws -> Bool {
        try await writer.read { db in try Self.isProcessed(db, key, eventID: eventID) }
    }

    /// Takes the turn inside the write transaction: a replay of an answered event, or a new turn.
    static func takeWebhookTurn<Rendered>(
        _ db: Database, _ message: InboundMessage, eventID: String, engine: Engine, now: Date,
        render: (TurnOutcome) -> (Rendered, [PlatformCall])
    ) throws -> (TurnOutcome, Rendered) {
        if let processed = try processedEvent(db, message.key, eventID: eventID) {
            let outcome = TurnOutcome(
                sessionID: processed.sessionId, status: processed.status, replies: processed.replies, replayed: true
            ).reporting(pressOf: message)
            return (outcome, render(outcome).0)
        }
        let outcome = try takeTurn(db, message, engine: engine, now: now)
        let (rendered, entries) = render(outcome)
        try record(outcome, of: message, eventID: eventID, entries: entries, db: db, now: now)
        return (outcome, rendered)
    }

    /// The dedupe record of an answered event and the platform calls its reply needs.
    private static func record(
        _ outcome: TurnOutcome, of message: InboundMessage, eventID: String, entries: [PlatformCall], db: Database,
        now: Date
    ) throws {
        try ProcessedEvent(
            channel: message.key.channel, conversation: message.key.conversation, eventId: eventID,
            sessionId: outcome.sessionID, status: outcome.status,
            replies: outcome.replies, createdAt: now
        ).write(db)
        for entry in entries {
            var call = OutboxRecord(
                sessionId: outcome.sessionID, channel: entry.channel, conversation: message.key.conversation,
                method: entry.method, body: Data(entry.body), status: .pending, attempts: 0, nextAttemptAt: now,
                createdAt: now)
            try call.insert(db)
        }
    }

    // why: an event id is unique only within its conversation on some platforms (the generic
    // channel's message_id), so the dedupe key is channel, conversation and event id everywhere.
    private static func isProcessed(_ db: Database, _ key: ConversationKey, eventID: String) throws -> Bool {
        try StoredText.key(eventID, "event id")
        return try Int.fetchOne(
            db.cachedStatement(
                sql: "SELECT 1 FROM processed_events WHERE channel = ? AND conversation = ? AND event_id = ?"),
            arguments: [key.channel, key.conversation, eventID]) != nil
    }

    private static func processedEvent(_ db: Database, _ key: ConversationKey, eventID: String) throws -> ProcessedEvent? {
        try StoredText.key(eventID, "event id")
        return try ProcessedEvent.fetchOne(
            db.cachedStatement(
                sql: "SELECT * FROM processed_events WHERE channel = ? AND conversation = ? AND event_id = ?"),
            arguments: [key.channel, key.conversation, eventID])
    }
}

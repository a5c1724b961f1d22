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
        if let answered = try answer(db, message.key, eventID: eventID) {
            let outcome = TurnOutcome(
                sessionID: answered.sessionID, status: answered.status, replies: answered.replies, replayed: true
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

    /// The answer an event already got, or `nil` for a new event.
    // why: looked up on every turn, and almost always absent: by column position, without a
    // record cursor, its replies decoded only when there is an answer.
    private static func answer(
        _ db: Database, _ key: ConversationKey, eventID: String
    ) throws -> (sessionID: Int64?, status: SessionStatus?, replies: [OutboundMessage])? {
        try StoredText.key(eventID, "event id")
        let rows = try Row.fetchCursor(
            db.cachedStatement(
                sql: """
                    SELECT session_id, status, replies FROM processed_events
                    WHERE channel = ? AND conversation = ? AND event_id = ?
                    """),
            arguments: [key.channel, key.conversation, eventID])
        return try withExtendedLifetime(rows) {
            guard let row = try rows.next() else { return nil }
            let status = try (row[1] as String?).map(SessionStatus.init(stored:))
            let replies = try JSONText.decode([OutboundMessage].self, from: row[2], column: "replies")
            return (row[0], status, replies)
        }
    }
}

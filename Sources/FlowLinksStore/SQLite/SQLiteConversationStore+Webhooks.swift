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
        // why: the engine and the rendering run on a snapshot, beside other turns; the single
        // writer then only checks that nothing changed meanwhile and writes the rows.
        // why: the async read, never the blocking one: a cooperative thread blocked waiting for a
        // reader, while the readers are held by tasks that need that thread to resume, deadlocks
        // the server (40 concurrent conversations did, once any other turn step read asynchronously).
        let planned = try await writer.read { db in
            try Self.plan(db, message, eventID: eventID, engine: engine, now: now, render: render)
        }
        return try await database.turns.write { db in
            if let planned, let committed = try Self.commit(planned, db: db, now: now) { return committed }
            return try Self.takeWebhookTurn(db, message, eventID: eventID, engine: engine, now: now, render: render)
        }
    }

    public func hasProcessed(_ key: ConversationKey, eventID: String) async throws -> Bool {
        try await writer.read { db in try Self.isProcessed(db, key, eventID: eventID) }
    }

    /// A turn of an existing session worked out on a snapshot, ready to be written.
    struct PlannedTurn<Rendered: Sendable>: Sendable {
        let message: InboundMessage
        let eventID: String
        let session: SessionRecord
        let previous: SessionState
        let turn: Turn
        let outcome: TurnOutcome
        let rendered: Rendered
        let entries: [PlatformCall]
    }

    /// Plans the common turn: an existing session, a new event, nothing but saving to do.
    static func plan<Rendered: Sendable>(
        _ db: Database, _ message: InboundMessage, eventID: String, engine: Engine, now: Date,
        render: (TurnOutcome) -> (Rendered, [PlatformCall])
    ) throws -> PlannedTurn<Rendered>? {
        guard try !isProcessed(db, message.key, eventID: eventID),
            let session = try currentSession(db, message.key), let id = session.id
        else { return nil }
        let previous = try state(db, session)
        let turn = message.turn(inSession: id, state: previous, engine: engine, now: now)
        guard turn.effect == .none else { return nil }
        let outcome = TurnOutcome(
            sessionID: id, status: SessionStatus(turn.state.status), replies: turn.replies,
            reading: turn.reading
        ).reporting(pressOf: message)
        let (rendered, entries) = render(outcome)
        return PlannedTurn(
            message: message, eventID: eventID, session: session, previous: previous, turn: turn, outcome: outcome,
            rendered: rendered, entries: entries)
    }

    /// Writes a planned turn if its session is as it was planned on; `nil` when anything changed.
    static func commit<Rendered>(_ planned: PlannedTurn<Rendered>, db: Database, now: Date) throws -> (TurnOutcome, Rendered)? {
        let id = try planned.session.id.orThrow()
        guard try !isProcessed(db, planned.message.key, eventID: planned.eventID) else { return nil }
        // why: inside the write transaction nothing else can change the session before `save`
        // bumps its revision, so reading the revision is check enough.
        let revision = try Int.fetchOne(db.cachedStatement(sql: "SELECT revision FROM sessions WHERE id = ?"), arguments: [id])
        guard revision == planned.session.revision else { return nil }
        let message = planned.message
        let outcome = try apply(
            planned.turn, to: planned.session, replacing: planned.previous, db: db, now: now,
            firstLines: { sessionID in
                TranscriptLine(
                    sessionId: sessionID, direction: .inbound, text: message.text, participant: message.participant,
                    platformMessageId: message.platformMessageID, createdAt: now)
            }
        ).reporting(pressOf: message)
        try record(outcome, of: message, eventID: planned.eventID, entries: planned.entries, db: db, now: now)
        return (outcome, planned.rendered)
    }

    /// Takes the turn inside the write transaction: new sessions, effects, replays, stale plans.
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

import FlowLinksCore
import FlowLinksStore
import Foundation
import PostgresNIO

extension PostgresConversationStore {
    /// The turn, its dedupe record and its outbox rows in one transaction under the conversation's
    /// lock; an event answered before gets its stored replies back and changes nothing.
    public func converse<Rendered: Sendable>(
        _ message: InboundMessage, eventID: String, engine: Engine, now: Date,
        render: @escaping @Sendable (TurnOutcome) -> (Rendered, [PlatformCall])
    ) async throws -> (TurnOutcome, Rendered) {
        try StoredText.key(eventID, "event id")
        do {
            return try await inTurn(of: message.key, at: now) { turn in
                if let replayed = try await turn.replay(message, eventID: eventID, render: render) { return replayed }
                let outcome = try await turn.take(message, engine: engine)
                let (rendered, calls) = render(outcome)
                guard try await turn.record(outcome, of: message, eventID: eventID, calls: calls) else {
                    throw EventAnsweredMeanwhile()
                }
                return (outcome, rendered)
            }
        } catch is EventAnsweredMeanwhile {
            // why: under the lock only a writer that does not take it gets here first; the turn was
            // rolled back, so it changed nothing, and the answer that writer stored is replayed.
            return try await inTurn(of: message.key, at: now) { turn in
                guard let replayed = try await turn.replay(message, eventID: eventID, render: render) else {
                    throw EventAnsweredMeanwhile()
                }
                return replayed
            }
        }
    }

    public func hasProcessed(_ key: ConversationKey, eventID: String) async throws -> Bool {
        let rows = try await database.client.query(
            """
            SELECT 1 FROM processed_events
            WHERE channel = \(try StoredText.key(key.channel, "channel"))
                AND conversation = \(try StoredText.key(key.conversation, "conversation"))
                AND event_id = \(try StoredText.key(eventID, "event id"))
            """, logger: logger)
        return try await !rows.collect().isEmpty
    }
}

/// The dedupe record of the event was written by another transaction after this one looked.
struct EventAnsweredMeanwhile: Error {}

extension PostgresTurn {
    /// The stored answer to an event seen before, rendered again; `nil` for a new event.
    func replay<Rendered>(
        _ message: InboundMessage, eventID: String, render: (TurnOutcome) -> (Rendered, [PlatformCall])
    ) async throws -> (TurnOutcome, Rendered)? {
        let rows = try await connection.query(
            """
            SELECT session_id, status, replies FROM processed_events
            WHERE channel = \(message.key.channel) AND conversation = \(message.key.conversation)
                AND event_id = \(eventID)
            """, logger: logger)
        guard let row = try await rows.collect().first else { return nil }
        let (sessionID, status, replies) = try row.decode((Int64?, String?, String).self)
        let outcome = TurnOutcome(
            sessionID: sessionID, status: try status.map(SessionStatus.init(stored:)),
            replies: try JSONText.decode([OutboundMessage].self, from: replies, column: "replies"), replayed: true
        ).reporting(pressOf: message)
        return (outcome, render(outcome).0)
    }

    /// Writes the dedupe record and the platform calls the reply needs; false when the event had
    /// a record already (the caller rolls the turn back).
    func record(
        _ outcome: TurnOutcome, of message: InboundMessage, eventID: String, calls: [PlatformCall]
    ) async throws
        -> Bool
    {
        let key = message.key
        let inserted = try await connection.query(
            """
            INSERT INTO processed_events (channel, conversation, event_id, session_id, status, replies, created_at)
            VALUES (\(key.channel), \(key.conversation), \(eventID), \(outcome.sessionID), \(outcome.status?.rawValue),
                \(JSONText.messages(outcome.replies)), \(now))
            ON CONFLICT DO NOTHING
            RETURNING 1
            """, logger: logger)
        guard try await !inserted.collect().isEmpty else { return false }
        for call in calls {
            try await execute(
                """
                INSERT INTO outbox (session_id, channel, conversation, method, body, status, attempts, next_attempt_at,
                    created_at)
                VALUES (\(outcome.sessionID), \(call.channel), \(key.conversation), \(call.method),
                    \(ByteBuffer(bytes: call.body)), 'pending', 0, \(now), \(now))
                """)
        }
        return true
    }
}

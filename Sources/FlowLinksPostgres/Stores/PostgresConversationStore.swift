import FlowLinksCore
import FlowLinksStore
import Foundation
import PostgresNIO

/// Conversations on PostgreSQL, for several replicas on one database: every turn is one
/// transaction that first takes the conversation's advisory lock, so each conversation's turns run
/// one after another whichever replica takes them, the first turn of a new conversation too.
public struct PostgresConversationStore: ConversationStore {
    let database: PostgreSQLDatabase
    var logger: Logger { database.logger }

    public init(database: PostgreSQLDatabase) {
        self.database = database
    }

    public func converse(_ message: InboundMessage, engine: Engine, now: Date) async throws -> TurnOutcome {
        try await inTurn(of: message.key, at: now) { turn in try await turn.take(message, engine: engine) }
    }

    public func open(
        _ key: ConversationKey, participant: String?, locale: String?, engine: Engine, now: Date
    ) async throws -> TurnOutcome {
        try await inTurn(of: key, at: now) { turn in
            guard let session = try await turn.currentSession(key) else {
                return try await turn.startSession(key, participant: participant, turn: engine.begin(now: now, locale: locale))
            }
            let previous = try await turn.state(of: session)
            return try await turn.apply(engine.reopen(previous, now: now), to: session, replacing: previous)
        }
    }

    public func pause(_ key: ConversationKey, engine: Engine, now: Date) async throws -> TurnOutcome? {
        try await inTurn(of: key, at: now) { turn in
            guard let session = try await turn.currentSession(key), session.status == .active else { return nil }
            let previous = try await turn.state(of: session)
            return try await turn.apply(engine.pause(previous, now: now), to: session, replacing: previous)
        }
    }

    public func currentSession(_ key: ConversationKey) async throws -> SessionRecord? {
        try await database.client.withConnection { connection in
            try await PostgresTurn(connection: connection, logger: logger, now: Date()).currentSession(key)
        }
    }

    public func transcript(ofSession id: Int64) async throws -> [TranscriptLine] {
        let rows = try await database.client.query(
            """
            SELECT id, session_id, direction, text, choices, participant, platform_message_id, created_at
            FROM transcript WHERE session_id = \(id) ORDER BY id
            """, logger: logger)
        var lines: [TranscriptLine] = []
        for try await row in rows { lines.append(try TranscriptLine(postgres: row)) }
        return lines
    }

    /// Runs `body` in a transaction holding the conversation's lock.
    func inTurn<Result: Sendable>(
        of key: ConversationKey, at now: Date, _ body: (PostgresTurn) async throws -> Result
    ) async throws -> Result {
        try StoredText.key(key.channel, "channel")
        try StoredText.key(key.conversation, "conversation")
        return try await database.transaction { connection in
            // why: a transaction-level lock is released by the commit or rollback, never left behind by
            // a replica that dies; hashing the key lets a conversation without rows be locked too.
            try await connection.query(
                """
                SELECT pg_advisory_xact_lock(hashtextextended(\(key.channel) || chr(31) || \(key.conversation), 0))
                """, logger: logger
            ).drain()
            return try await body(PostgresTurn(connection: connection, logger: logger, now: now))
        }
    }
}

/// One turn's work on the connection of its transaction, at the turn's moment `now`.
struct PostgresTurn {
    let connection: PostgresConnection
    let logger: Logger
    let now: Date

    /// Runs one statement, discarding any rows.
    func execute(_ query: PostgresQuery) async throws {
        try await connection.query(query, logger: logger).drain()
    }

    /// One turn of a message: starts a session when the conversation has none.
    func take(_ message: InboundMessage, engine: Engine) async throws -> TurnOutcome {
        guard let session = try await currentSession(message.key) else {
            if message.press != nil {
                // why: a button of an erased conversation starts nothing; the person hears why.
                let outcome = TurnOutcome(sessionID: nil, status: nil, replies: [engine.pressWithoutSession()])
                return outcome.reporting(pressOf: message)
            }
            let turn = try await resolveWorkshopRequest(
                engine.begin(now: now, saying: message.text, locale: message.locale), engine: engine)
            return try await startSession(
                message.key, participant: message.participant, turn: turn, firstLine: inbound(message))
        }
        let previous = try await state(of: session)
        let turn = try await resolveWorkshopRequest(
            message.turn(inSession: try session.savedID(), state: previous, engine: engine, now: now), engine: engine)
        return try await apply(turn, to: session, replacing: previous, firstLine: inbound(message))
            .reporting(pressOf: message)
    }

    /// The message as the transcript records it, in the session it lands in.
    func inbound(_ message: InboundMessage) -> @Sendable (Int64) -> TranscriptLine {
        { [now] sessionID in
            TranscriptLine(
                sessionId: sessionID, direction: .inbound, text: message.text, participant: message.participant,
                platformMessageId: message.platformMessageID, createdAt: now)
        }
    }

    /// The conversation's latest session that was not abandoned.
    func currentSession(_ key: ConversationKey) async throws -> SessionRecord? {
        let rows = try await connection.query(
            """
            SELECT \(unescaped: SessionRecord.columns) FROM sessions
            WHERE channel = \(try StoredText.key(key.channel, "channel"))
                AND conversation = \(try StoredText.key(key.conversation, "conversation"))
                AND status <> 'abandoned'
            ORDER BY id DESC LIMIT 1
            """, logger: logger)
        return try await rows.collect().first.map { try SessionRecord(postgres: $0) }
    }

    /// Starts a session with the turn's state and replies.
    func startSession(
        _ key: ConversationKey, participant: String?, turn: Turn,
        firstLine: (@Sendable (Int64) -> TranscriptLine)? = nil
    ) async throws -> TurnOutcome {
        var session = SessionRecord(
            channel: key.channel, conversation: key.conversation, participant: participant, status: .active,
            currentStep: nil, misses: 0, contentVersion: turn.state.contentVersion, createdAt: now, updatedAt: now,
            workshopId: turn.state.workshop?.id, language: turn.state.language)
        session.id = try await insert(session)
        if let firstLine { try await write(firstLine(try session.savedID())) }
        return try await save(turn.state, replacing: nil, replies: turn.replies, to: session)
    }

    /// Saves a turn's new state and transcript, or carries out its effect.
    func apply(
        _ turn: Turn, to session: SessionRecord, replacing previous: SessionState,
        firstLine: (@Sendable (Int64) -> TranscriptLine)? = nil
    ) async throws -> TurnOutcome {
        var outcome = try await carryOut(turn, to: session, replacing: previous, firstLine: firstLine)
        outcome.reading = turn.reading
        return outcome
    }

    private func carryOut(
        _ turn: Turn, to session: SessionRecord, replacing previous: SessionState,
        firstLine: (@Sendable (Int64) -> TranscriptLine)?
    ) async throws -> TurnOutcome {
        let id = try session.savedID()
        switch turn.effect {
        case .erase:
            // why: the person is told the conversation is erased, so the sessions a restart left go too.
            try await execute(
                "DELETE FROM sessions WHERE channel = \(session.channel) AND conversation = \(session.conversation)")
            return TurnOutcome(sessionID: nil, status: nil, replies: turn.replies)
        case .startNewSession, .workshop:
            if let firstLine { try await write(firstLine(id)) }
            let status: SessionStatus = session.status == .completed ? .completed : .abandoned
            try await execute(
                """
                UPDATE sessions SET status = \(status.rawValue), updated_at = \(now), revision = revision + 1
                WHERE id = \(id)
                """)
            if case .workshop(.leave(let workshopID)) = turn.effect {
                try await leaveWorkshop(workshopID, conversation: session)
            }
            let key = ConversationKey(channel: session.channel, conversation: session.conversation)
            return try await startSession(key, participant: session.participant, turn: turn)
        case .none:
            if let firstLine { try await write(firstLine(id)) }
            return try await save(turn.state, replacing: previous, replies: turn.replies, to: session)
        }
    }
}

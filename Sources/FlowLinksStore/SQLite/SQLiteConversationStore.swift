import FlowLinksCore
import Foundation
import GRDB

/// Conversations on SQLite: every turn is one write transaction on the single writer, which keeps
/// each conversation's turns in order; webhook turns that arrive together share a commit.
public struct SQLiteConversationStore: ConversationStore {
    let database: SQLiteDatabase
    var writer: any DatabaseWriter { database.writer }

    public init(database: SQLiteDatabase) {
        self.database = database
    }

    public func converse(_ message: InboundMessage, engine: Engine, now: Date) async throws -> TurnOutcome {
        try await writer.write { db in try Self.takeTurn(db, message, engine: engine, now: now) }
    }

    public func currentSession(_ key: ConversationKey) async throws -> SessionRecord? {
        try await writer.read { db in try Self.currentSession(db, key) }
    }

    public func transcript(ofSession id: Int64) async throws -> [TranscriptLine] {
        try await writer.read { try TranscriptLine.filter(Column("session_id") == id).order(Column("id")).fetchAll($0) }
    }
}

extension SQLiteConversationStore {

    /// One turn inside an open transaction.
    static func takeTurn(_ db: Database, _ message: InboundMessage, engine: Engine, now: Date) throws -> TurnOutcome {
        let inbound = { (sessionID: Int64) in
            TranscriptLine(
                sessionId: sessionID, direction: .inbound, text: message.text, participant: message.participant,
                platformMessageId: message.platformMessageID, createdAt: now)
        }
        guard let session = try currentSession(db, message.key) else {
            if message.press != nil {
                // why: a button of an erased conversation starts nothing; the person hears why.
                let outcome = TurnOutcome(sessionID: nil, status: nil, replies: [engine.pressWithoutSession()])
                return outcome.reporting(pressOf: message)
            }
            let turn = try resolveWorkshopRequest(
                engine.begin(now: now, saying: message.text, locale: message.locale), db, engine: engine, now: now)
            return try startSession(
                db, message.key, participant: message.participant, turn: turn, now: now, firstLines: inbound)
        }
        let previous = try state(db, session)
        let turn = try resolveWorkshopRequest(
            message.turn(inSession: try session.id.orThrow(), state: previous, engine: engine, now: now), db,
            engine: engine, now: now)
        return try apply(turn, to: session, replacing: previous, db: db, now: now, firstLines: inbound)
            .reporting(pressOf: message)
    }

    public func open(
        _ key: ConversationKey, participant: String?, locale: String?, engine: Engine, now: Date
    ) async throws -> TurnOutcome {
        try await writer.write { db in
            guard let session = try Self.currentSession(db, key) else {
                let turn = engine.begin(now: now, locale: locale)
                return try Self.startSession(db, key, participant: participant, turn: turn, now: now)
            }
            let previous = try Self.state(db, session)
            return try Self.apply(engine.reopen(previous, now: now), to: session, replacing: previous, db: db, now: now)
        }
    }

    public func pause(_ key: ConversationKey, engine: Engine, now: Date) async throws -> TurnOutcome? {
        try await writer.write { db in
            guard let session = try Self.currentSession(db, key), session.status == .active else { return nil }
            let previous = try Self.state(db, session)
            return try Self.apply(engine.pause(previous, now: now), to: session, replacing: previous, db: db, now: now)
        }
    }

    /// The conversation's latest session that was not abandoned.
    static func currentSession(_ db: Database, _ key: ConversationKey) throws -> SessionRecord? {
        try StoredText.key(key.channel, "channel")
        try StoredText.key(key.conversation, "conversation")
        let statement = try db.cachedStatement(
            sql: """
                SELECT \(SessionRecord.columns) FROM sessions
                WHERE channel = ? AND conversation = ? AND status != 'abandoned' ORDER BY id DESC LIMIT 1
                """)
        let rows = try Row.fetchCursor(statement, arguments: [key.channel, key.conversation])
        // why: a cursor's row is valid only while the cursor lives.
        return try withExtendedLifetime(rows) { try rows.next().map { try SessionRecord(positions: $0) } }
    }

    private static func startSession(
        _ db: Database, _ key: ConversationKey, participant: String?, turn: Turn, now: Date,
        firstLines: ((Int64) -> TranscriptLine)? = nil
    ) throws -> TurnOutcome {
        var session = SessionRecord(
            channel: key.channel, conversation: key.conversation, participant: participant, status: .active,
            currentStep: nil, misses: 0, contentVersion: turn.state.contentVersion, createdAt: now, updatedAt: now,
            workshopId: turn.state.workshop?.id, language: turn.state.language)
        try session.insert(db)
        let id = try session.id.orThrow()
        return try save(
            turn.state, replacing: nil, heard: firstLines?(id), replies: turn.replies, to: session, db: db, now: now)
    }

    /// Saves a turn's new state and transcript, or carries out its effect.
    static func apply(
        _ turn: Turn, to session: SessionRecord, replacing previous: SessionState, db: Database, now: Date,
        firstLines: ((Int64) -> TranscriptLine)? = nil
    ) throws -> TurnOutcome {
        var outcome = try carryOut(turn, to: session, replacing: previous, db: db, now: now, firstLines: firstLines)
        outcome.reading = turn.reading
        return outcome
    }

    private static func carryOut(
        _ turn: Turn, to session: SessionRecord, replacing previous: SessionState, db: Database, now: Date,
        firstLines: ((Int64) -> TranscriptLine)?
    ) throws -> TurnOutcome {
        let id = try session.id.orThrow()
        switch turn.effect {
        case .erase:
            // why: the person is told the conversation is erased, so the sessions a restart left go too.
            try SessionRecord.filter(Column("channel") == session.channel && Column("conversation") == session.conversation)
                .deleteAll(db)
            return TurnOutcome(sessionID: nil, status: nil, replies: turn.replies)
        case .startNewSession, .workshop:
            if let firstLines { try TranscriptLine.write([firstLines(id)], db) }
            var closed = session
            if closed.status != .completed { closed.status = .abandoned }
            closed.updatedAt = now
            closed.revision += 1
            try closed.update(db)
            if case .workshop(.leave(let workshopID)) = turn.effect {
                try Self.leaveWorkshop(workshopID, conversation: session, db: db)
            }
            let key = ConversationKey(channel: session.channel, conversation: session.conversation)
            return try startSession(db, key, participant: session.participant, turn: turn, now: now)
        case .none:
            return try save(
                turn.state, replacing: previous, heard: firstLines?(id), replies: turn.replies, to: session, db: db, now: now)
        }
    }
}

extension Optional {
    func orThrow() throws -> Wrapped {
        guard let self else { throw DatabaseError(message: "a saved row has no id") }
        return self
    }
}

import FlowLinksCore
import FlowLinksPostgres
import FlowLinksStore
import Foundation
import GRDB
import PostgresNIO

/// Writes the same rows into either backend, for the review and workshop contract tests (before
/// PostgreSQL has a conversation store that writes them through turns).
public protocol ReviewSeeding: Sendable {
    /// Inserts `session` (its id is ignored) and returns its new id.
    func insert(_ session: SessionRecord) async throws -> Int64
    func insert(_ answer: AnswerRecord) async throws
    func insert(_ line: TranscriptLine) async throws
    func insert(_ result: ResultRecord) async throws
    func insert(_ note: FacilitatorNote) async throws
}

/// Seeds an SQLite database through its records.
public struct SQLiteReviewSeeding: ReviewSeeding {
    let writer: any DatabaseWriter

    public init(writer: any DatabaseWriter) {
        self.writer = writer
    }

    /// A new in-memory database and its seeding.
    public static func inMemory() throws -> (SQLiteDatabase, SQLiteReviewSeeding) {
        let queue = try DatabaseQueue()
        return (try SQLiteDatabase(queue), SQLiteReviewSeeding(writer: queue))
    }

    public func insert(_ session: SessionRecord) async throws -> Int64 {
        try await writer.write { db in
            var session = session
            session.id = nil
            try session.insert(db)
            return session.id ?? 0
        }
    }

    public func insert(_ answer: AnswerRecord) async throws { try await insertRecord(answer) }
    public func insert(_ line: TranscriptLine) async throws { try await insertRecord(line) }
    public func insert(_ result: ResultRecord) async throws { try await writer.write { db in try result.insert(db) } }
    public func insert(_ note: FacilitatorNote) async throws { try await insertRecord(note) }

    private func insertRecord<Record: MutablePersistableRecord & Sendable>(_ record: Record) async throws {
        try await writer.write { db in
            var record = record
            try record.insert(db)
        }
    }
}

/// Seeds a PostgreSQL database with plain INSERTs of the same values, JSON written as SQLite holds it.
public struct PostgresReviewSeeding: ReviewSeeding {
    let database: PostgreSQLDatabase

    public init(database: PostgreSQLDatabase) {
        self.database = database
    }

    public func insert(_ session: SessionRecord) async throws -> Int64 {
        let s = session
        return try await first(
            """
            INSERT INTO sessions (channel, conversation, participant, status, current_step, misses,
                pending_confirmation, content_version, created_at, updated_at, revision, workshop_id,
                pending_option_id, pending_note, language)
            VALUES (\(s.channel), \(s.conversation), \(s.participant), \(s.status.rawValue), \(s.currentStep),
                \(s.misses), \(s.pendingConfirmation), \(s.contentVersion), \(s.createdAt), \(s.updatedAt),
                \(s.revision), \(s.workshopId), \(s.pendingOptionId), \(s.pendingNote), \(s.language))
            RETURNING id
            """)
    }

    public func insert(_ answer: AnswerRecord) async throws {
        let a = answer
        try await run(
            """
            INSERT INTO answers (session_id, step_id, option_id, text, skipped, answered_at, replaced_at)
            VALUES (\(a.sessionId), \(a.stepId), \(a.optionId), \(a.text), \(a.skipped), \(a.answeredAt), \(a.replacedAt))
            """)
    }

    public func insert(_ line: TranscriptLine) async throws {
        let l = line
        let choices = l.choices.map { String(decoding: Choice.json($0), as: UTF8.self) }
        try await run(
            """
            INSERT INTO transcript (session_id, direction, text, choices, participant, platform_message_id, created_at)
            VALUES (\(l.sessionId), \(l.direction.rawValue), \(l.text), \(choices), \(l.participant),
                \(l.platformMessageId), \(l.createdAt))
            """)
    }

    public func insert(_ result: ResultRecord) async throws {
        let r = result
        let json = String(decoding: r.result.json, as: UTF8.self)
        try await run(
            """
            INSERT INTO results (session_id, recommended_level, overall_level, result, content_version, created_at)
            VALUES (\(r.sessionId), \(r.recommendedLevel), \(r.overallLevel), \(json), \(r.contentVersion), \(r.createdAt))
            """)
    }

    public func insert(_ note: FacilitatorNote) async throws {
        let n = note
        try await run(
            """
            INSERT INTO facilitator_notes (session_id, author, text, created_at, updated_at)
            VALUES (\(n.sessionId), \(n.author), \(n.text), \(n.createdAt), \(n.updatedAt))
            """)
    }

    private func run(_ query: PostgresQuery) async throws {
        _ = try await database.client.query(query).collect()
    }

    private func first(_ query: PostgresQuery) async throws -> Int64 {
        var ids: [Int64] = []
        for try await id in try await database.client.query(query).decode(Int64.self) { ids.append(id) }
        return ids[0]
    }
}

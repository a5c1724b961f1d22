import FlowLinksCore
import Foundation
import GRDB

/// Everything recorded about one session, for facilitators: the session, every answer ever
/// given (changed ones included), the transcript, the result and the facilitators' notes.
public struct SessionReport: Sendable {
    public var session: SessionRecord
    /// Oldest first; replaced answers carry `replacedAt`.
    public var answers: [AnswerRecord]
    public var transcript: [TranscriptLine]
    public var result: ResultRecord?
    /// Oldest first.
    public var notes: [FacilitatorNote] = []

    /// A session's whole record from its parts.
    // why: public, so another backend's stores (FlowLinksPostgres) can build it from their rows.
    public init(
        session: SessionRecord, answers: [AnswerRecord], transcript: [TranscriptLine], result: ResultRecord? = nil,
        notes: [FacilitatorNote] = []
    ) {
        self.session = session
        self.answers = answers
        self.transcript = transcript
        self.result = result
        self.notes = notes
    }

    /// The answers in force now, by step.
    public var currentAnswers: [StepID: AnswerRecord] {
        Dictionary(answers.filter { $0.replacedAt == nil }.map { ($0.stepId, $0) }, uniquingKeysWith: { $1 })
    }
}

extension SQLiteReviewStore {
    static func report(_ db: Database, ofSession id: Int64) throws -> SessionReport? {
        guard let session = try SessionRecord.fetchOne(db, key: id) else { return nil }
        return SessionReport(
            session: session,
            answers: try AnswerRecord.filter(Column("session_id") == id).order(Column("id")).fetchAll(db),
            transcript: try TranscriptLine.filter(Column("session_id") == id).order(Column("id")).fetchAll(db),
            result: try ResultRecord.fetchOne(db, key: id),
            notes: try FacilitatorNote.filter(Column("session_id") == id).order(Column("id")).fetchAll(db))
    }
}

import FlowLinksCore
import Foundation
import GRDB

/// Workshops on SQLite.
public struct SQLiteWorkshopStore: WorkshopStore {
    let writer: any DatabaseWriter

    public func createWorkshop(
        name: String, organizations: [String], initiatives: [String], closesAt: Date?, follows: String?, now: Date,
        codes: [WorkshopCode]
    ) async throws -> WorkshopRecord {
        try await writer.write { db in
            var followsID: Int64?
            if let follows {
                guard let earlier = try Self.workshop(db, code: follows) else { throw WorkshopError.unknownCode(follows) }
                followsID = earlier.id
            }
            for code in codes.map(\.text) {
                guard try Self.workshop(db, code: code) == nil else { continue }
                var workshop = WorkshopRecord(
                    code: code, name: name, organizations: organizations, initiatives: initiatives, followsId: followsID,
                    closesAt: closesAt, createdAt: now)
                try workshop.insert(db)
                return workshop
            }
            throw DatabaseError(message: "no free workshop code")
        }
    }

    public func workshop(code: String) async throws -> WorkshopRecord? {
        try await writer.read { db in try Self.workshop(db, code: code) }
    }

    public func workshops() async throws -> [WorkshopListing] {
        try await writer.read { db in
            try WorkshopRecord.order(Column("id").desc).fetchAll(db).map { try Self.listing(db, $0) }
        }
    }

    public func workshopReport(code: String) async throws -> WorkshopReport? {
        try await writer.read { db in try Self.report(db, code: code) }
    }

    @discardableResult
    public func closeWorkshop(code: String, at now: Date) async throws -> Bool {
        try await writer.write { db in
            guard var workshop = try Self.workshop(db, code: code) else { return false }
            if workshop.closedAt == nil {
                workshop.closedAt = now
                try workshop.update(db)
            }
            return true
        }
    }
}

extension SQLiteWorkshopStore {
    static func workshop(_ db: Database, code: String) throws -> WorkshopRecord? {
        guard let code = WorkshopCode(typed: code) else { return nil }
        return try WorkshopRecord.filter(Column("code") == code.text).fetchOne(db)
    }

    static func workshopLink(_ db: Database, id: Int64) throws -> WorkshopLink? {
        try WorkshopRecord.fetchOne(db, key: id)?.link
    }

    private static func report(_ db: Database, code: String) throws -> WorkshopReport? {
        guard let workshop = try workshop(db, code: code), let id = workshop.id else { return nil }
        let follows = try workshop.followsId.flatMap { try WorkshopRecord.fetchOne(db, key: $0) }
        return WorkshopReport(
            listing: try listing(db, workshop), follows: follows, sessions: try finishedAnswers(db, workshopID: id),
            earlierSessions: try follows?.id.map { try finishedAnswers(db, workshopID: $0) } ?? [])
    }

    private static func listing(_ db: Database, _ workshop: WorkshopRecord) throws -> WorkshopListing {
        let row = try Row.fetchOne(
            db,
            sql: """
                SELECT COUNT(DISTINCT CASE WHEN status != 'abandoned' THEN channel || char(31) || conversation END),
                       COUNT(DISTINCT CASE WHEN status = 'completed' THEN channel || char(31) || conversation END)
                FROM sessions WHERE workshop_id = ?
                """, arguments: [workshop.id])
        return WorkshopListing(workshop: workshop, joined: row?[0] ?? 0, finished: row?[1] ?? 0)
    }

    /// Each conversation's latest finished session in the workshop, with its current answers.
    static func finishedAnswers(_ db: Database, workshopID: Int64) throws -> [WorkshopAnswers] {
        let ids = try Int64.fetchAll(
            db,
            sql: """
                SELECT MAX(id) FROM sessions WHERE workshop_id = ? AND status = 'completed'
                GROUP BY channel, conversation ORDER BY 1
                """, arguments: [workshopID])
        let rows = try AnswerRecord.filter(ids.contains(Column("session_id")) && Column("replaced_at") == nil).fetchAll(db)
        var answers: [Int64: [StepID: Answer]] = [:]
        for row in rows { answers[row.sessionId, default: [:]][row.stepId] = row.answer }
        return ids.map { WorkshopAnswers(sessionID: $0, answers: answers[$0] ?? [:]) }
    }
}

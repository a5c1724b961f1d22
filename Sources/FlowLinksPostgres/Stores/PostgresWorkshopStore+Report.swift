import FlowLinksCore
import FlowLinksStore
import Foundation
import Logging
import PostgresNIO

extension PostgresWorkshopStore {
    static func workshop(
        on connection: PostgresConnection, code: String, logger: Logger
    ) async throws
        -> WorkshopRecord?
    {
        guard let code = WorkshopCode(typed: code) else { return nil }
        let rows = try await connection.query("SELECT * FROM workshops WHERE code = \(code.text)", logger: logger)
            .collect()
        return try rows.first.map(PostgresRecords.workshop)
    }

    static func report(
        on connection: PostgresConnection, code: String, logger: Logger
    ) async throws
        -> WorkshopReport?
    {
        guard let workshop = try await workshop(on: connection, code: code, logger: logger), let id = workshop.id
        else { return nil }
        var follows: WorkshopRecord?
        if let followsID = workshop.followsId {
            let rows = try await connection.query("SELECT * FROM workshops WHERE id = \(followsID)", logger: logger)
                .collect()
            follows = try rows.first.map(PostgresRecords.workshop)
        }
        var earlierSessions: [WorkshopAnswers] = []
        if let earlierID = follows?.id {
            earlierSessions = try await finishedAnswers(on: connection, workshopID: earlierID, logger: logger)
        }
        return WorkshopReport(
            listing: try await listing(on: connection, workshop, logger), follows: follows,
            sessions: try await finishedAnswers(on: connection, workshopID: id, logger: logger),
            earlierSessions: earlierSessions)
    }

    static func listing(
        on connection: PostgresConnection, _ workshop: WorkshopRecord, _ logger: Logger
    ) async throws
        -> WorkshopListing
    {
        // why: a conversation is its channel and id; a unit separator (chr(31)) cannot be typed
        // into either, so two conversations never make the same key.
        let rows = try await connection.query(
            """
            SELECT COUNT(DISTINCT channel || chr(31) || conversation) FILTER (WHERE status <> 'abandoned'),
                   COUNT(DISTINCT channel || chr(31) || conversation) FILTER (WHERE status = 'completed')
            FROM sessions WHERE workshop_id = \(workshop.id)
            """, logger: logger
        ).collect()
        let (joined, finished) = try rows.first?.decode((Int, Int).self) ?? (0, 0)
        return WorkshopListing(workshop: workshop, joined: joined, finished: finished)
    }

    /// Each conversation's latest finished session in the workshop, with its current answers.
    static func finishedAnswers(
        on connection: PostgresConnection, workshopID: Int64, logger: Logger
    ) async throws
        -> [WorkshopAnswers]
    {
        let latest = try await connection.query(
            """
            SELECT MAX(id) FROM sessions WHERE workshop_id = \(workshopID) AND status = 'completed'
            GROUP BY channel, conversation ORDER BY 1
            """, logger: logger
        ).collect()
        let ids = try latest.map { try $0.decode(Int64.self) }
        let rows = try await connection.query(
            "SELECT * FROM answers WHERE session_id = ANY(\(ids)) AND replaced_at IS NULL", logger: logger
        ).collect()
        var answers: [Int64: [StepID: Answer]] = [:]
        for row in rows {
            let record = try PostgresRecords.answer(row)
            answers[record.sessionId, default: [:]][record.stepId] = record.answer
        }
        return ids.map { WorkshopAnswers(sessionID: $0, answers: answers[$0] ?? [:]) }
    }
}

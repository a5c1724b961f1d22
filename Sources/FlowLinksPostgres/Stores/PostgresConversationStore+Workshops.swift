import FlowLinksCore
import FlowLinksStore
import Foundation
import PostgresNIO

/// The workshop side of a turn: joining by code, the team view, leaving.
extension PostgresTurn {
    /// Does a turn's workshop work that needs the database, and lets the engine finish the turn.
    func resolveWorkshopRequest(_ turn: Turn, engine: Engine) async throws -> Turn {
        guard case .workshop(let request) = turn.effect else { return turn }
        switch request {
        case .join(let code):
            let lookup: WorkshopLookup
            if let workshop = try await workshop(code: code.text) {
                lookup = workshop.isOpen(at: now) ? .open(workshop.link) : .closed(name: workshop.name)
            } else {
                lookup = .unknown(code)
            }
            return engine.join(lookup, after: turn, now: now)
        case .team:
            guard let link = turn.state.workshop else { return Turn(state: turn.state, replies: turn.replies) }
            let builder = TeamViewBuilder(script: engine.script)
            var view: TeamView?
            if let key = builder.key(of: WorkshopAnswers(sessionID: 0, answers: turn.state.answers)) {
                view = builder.teams(from: try await finishedAnswers(workshopID: link.id)).first { $0.key == key }
            }
            return engine.showTeam(view, in: turn.state, now: now)
        case .leave:
            return turn
        }
    }

    /// Takes every session of the conversation out of the workshop, so none counts there again.
    func leaveWorkshop(_ workshopID: Int64, conversation session: SessionRecord) async throws {
        try await execute(
            """
            UPDATE sessions SET workshop_id = NULL
            WHERE channel = \(session.channel) AND conversation = \(session.conversation) AND workshop_id = \(workshopID)
            """)
    }

    /// The workshop a code names, however it was typed.
    func workshop(code: String) async throws -> WorkshopRecord? {
        guard let code = WorkshopCode(typed: code) else { return nil }
        return try await firstWorkshop("SELECT \(unescaped: Self.workshopColumns) FROM workshops WHERE code = \(code.text)")
    }

    func workshop(id: Int64) async throws -> WorkshopRecord? {
        try await firstWorkshop("SELECT \(unescaped: Self.workshopColumns) FROM workshops WHERE id = \(id)")
    }

    private static let workshopColumns =
        "id, code, name, organizations, initiatives, follows_id, closes_at, closed_at, created_at"

    private func firstWorkshop(_ query: PostgresQuery) async throws -> WorkshopRecord? {
        let rows = try await connection.query(query, logger: logger)
        guard let row = try await rows.collect().first else { return nil }
        let (id, code, name, organizations, initiatives, followsID, closesAt, closedAt, createdAt) = try row.decode(
            (Int64, String, String, String, String, Int64?, Date?, Date?, Date).self)
        return WorkshopRecord(
            id: id, code: code, name: name,
            organizations: try JSONText.decode([String].self, from: organizations, column: "organizations"),
            initiatives: try JSONText.decode([String].self, from: initiatives, column: "initiatives"),
            followsId: followsID, closesAt: closesAt, closedAt: closedAt, createdAt: createdAt)
    }

    /// Each conversation's latest finished session in the workshop, with its current answers.
    func finishedAnswers(workshopID: Int64) async throws -> [WorkshopAnswers] {
        let rows = try await connection.query(
            """
            WITH finished AS (
                SELECT MAX(id) AS session_id FROM sessions WHERE workshop_id = \(workshopID) AND status = 'completed'
                GROUP BY channel, conversation
            )
            SELECT finished.session_id, answers.step_id, answers.option_id, answers.text, answers.skipped,
                answers.answered_at
            FROM finished LEFT JOIN answers ON answers.session_id = finished.session_id AND answers.replaced_at IS NULL
            ORDER BY finished.session_id
            """, logger: logger)
        var sessions: [WorkshopAnswers] = []
        for try await (sessionID, step, option, text, skipped, answeredAt) in rows.decode(
            (Int64, String?, String?, String?, Bool?, Date?).self)
        {
            if sessions.last?.sessionID != sessionID { sessions.append(WorkshopAnswers(sessionID: sessionID, answers: [:])) }
            if let step, let answeredAt {
                sessions[sessions.count - 1].answers[step] = Answer(
                    optionID: option, text: text, skipped: skipped ?? false, answeredAt: answeredAt)
            }
        }
        return sessions
    }
}

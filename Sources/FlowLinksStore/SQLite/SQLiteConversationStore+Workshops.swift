import FlowLinksCore
import Foundation
import GRDB

/// The workshop side of a turn: joining by code, the team view, leaving.
extension SQLiteConversationStore {
    /// Does a turn's workshop work that needs the database, and lets the engine finish the turn.
    static func resolveWorkshopRequest(_ turn: Turn, _ db: Database, engine: Engine, now: Date) throws -> Turn {
        guard case .workshop(let request) = turn.effect else { return turn }
        switch request {
        case .join(let code):
            let lookup: WorkshopLookup
            if let workshop = try SQLiteWorkshopStore.workshop(db, code: code.text) {
                lookup = workshop.isOpen(at: now) ? .open(workshop.link) : .closed(name: workshop.name)
            } else {
                lookup = .unknown(code)
            }
            return engine.join(lookup, after: turn, now: now)
        case .team:
            guard let link = turn.state.workshop else { return Turn(state: turn.state, replies: turn.replies) }
            let builder = TeamViewBuilder(script: engine.script)
            let key = builder.key(of: WorkshopAnswers(sessionID: 0, answers: turn.state.answers))
            let view = try key.flatMap { key in
                builder.teams(from: try SQLiteWorkshopStore.finishedAnswers(db, workshopID: link.id)).first { $0.key == key }
            }
            return engine.showTeam(view, in: turn.state, now: now)
        case .leave:
            return turn
        }
    }

    /// Takes every session of the conversation out of the workshop, so none counts there again.
    static func leaveWorkshop(_ workshopID: Int64, conversation session: SessionRecord, db: Database) throws {
        try db.execute(
            sql: "UPDATE sessions SET workshop_id = NULL WHERE channel = ? AND conversation = ? AND workshop_id = ?",
            arguments: [session.channel, session.conversation, workshopID])
    }
}

import FlowLinksCore
import Foundation
import GRDB

/// Workshops: creating, finding and closing them, and the sessions their team views count.
extension AppDatabase {
    /// Why a workshop could not be made.
    public enum WorkshopError: Error, Equatable, CustomStringConvertible {
        case unknownCode(String)

        public var description: String {
            switch self {
            case .unknownCode(let code): "No workshop has the code \(code)."
            }
        }
    }

    /// Creates a workshop with a new random code.
    public func createWorkshop(
        name: String, organizations: [String] = [], initiatives: [String] = [], closesAt: Date? = nil,
        follows: String? = nil, now: Date, generator: inout some RandomNumberGenerator
    ) throws -> WorkshopRecord {
        var codes = (0..<20).map { _ in WorkshopCode.random(using: &generator).text }
        return try writer.write { db in
            var followsID: Int64?
            if let follows {
                guard let earlier = try Self.workshop(db, code: follows) else { throw WorkshopError.unknownCode(follows) }
                followsID = earlier.id
            }
            // why: 22^6 codes make a clash rare; a few tries make it practically impossible.
            while let code = codes.popLast() {
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

    /// Every workshop, newest first, with its counts.
    public func workshops() throws -> [WorkshopListing] {
        try writer.read { db in
            try WorkshopRecord.order(Column("id").desc).fetchAll(db).map { try Self.listing(db, $0) }
        }
    }

    /// The workshop with this code and everything its team views need; `nil` when there is none.
    public func workshopReport(code: String) throws -> WorkshopReport? {
        try writer.read { db in try Self.report(db, code: code) }
    }

    /// The same, without blocking the caller's thread (for the web pages).
    public func reviewWorkshop(code: String) async throws -> WorkshopReport? {
        try await writer.read { db in try Self.report(db, code: code) }
    }

    /// Every workshop, without blocking the caller's thread.
    public func reviewWorkshops() async throws -> [WorkshopListing] {
        try await writer.read { db in
            try WorkshopRecord.order(Column("id").desc).fetchAll(db).map { try Self.listing(db, $0) }
        }
    }

    /// Closes the workshop to new people; false when there is no such workshop.
    @discardableResult
    public func closeWorkshop(code: String, now: Date) throws -> Bool {
        try writer.write { db in
            guard var workshop = try Self.workshop(db, code: code) else { return false }
            if workshop.closedAt == nil {
                workshop.closedAt = now
                try workshop.update(db)
            }
            return true
        }
    }

    /// The same, without blocking the caller's thread.
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

    /// The id of the workshop with this code, if there is one.
    public func workshopID(code: String) throws -> Int64? {
        try writer.read { db in try Self.workshop(db, code: code)?.id }
    }

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

    /// Does a turn's workshop work that needs the database, and lets the engine finish the turn.
    static func resolveWorkshopRequest(_ turn: Turn, _ db: Database, engine: Engine, now: Date) throws -> Turn {
        guard case .workshop(let request) = turn.effect else { return turn }
        switch request {
        case .join(let code):
            let lookup: WorkshopLookup
            if let workshop = try workshop(db, code: code.text) {
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
                builder.teams(from: try finishedAnswers(db, workshopID: link.id)).first { $0.key == key }
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

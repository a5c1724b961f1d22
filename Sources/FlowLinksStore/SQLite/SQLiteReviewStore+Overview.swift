import FlowLinksCore
import Foundation
import GRDB

/// Where every initiative sits on the chart, and how each one moved across its finished sessions.
///
/// An initiative is an (organization, initiative) pair of current answers, compared trimmed and in
/// any case. Its latest completed session with a result places it on the chart.
public struct Overview: Sendable, Equatable {
    /// How many initiatives sit in each cell of the chart, per dimension. A cell shared by several
    /// levels (the resources row's 1–3) is counted once, for its whole span, as the chart draws it.
    public var cells: [EngagementDimension: [LevelSpan: Int]]
    /// How many initiatives were recommended each level.
    public var recommended: [EngagementLevel: Int]
    /// Every initiative with a finished session, ordered by organization then initiative.
    public var initiatives: [InitiativeHistory]

    /// The number of initiatives in `dimension`'s cell that spans `levels`.
    public func count(_ dimension: EngagementDimension, in levels: LevelSpan) -> Int {
        cells[dimension]?[levels] ?? 0
    }
}

/// One initiative's finished sessions, oldest first: its movement over time.
public struct InitiativeHistory: Sendable, Equatable {
    /// One finished session of the initiative.
    public struct Session: Sendable, Equatable {
        public var id: Int64
        /// When the session finished.
        public var date: Date
        public var overall: EngagementLevel
        public var recommended: EngagementLevel
    }

    /// The names as the latest session gave them, trimmed; empty when skipped.
    public var organization: String
    public var initiative: String
    public var sessions: [Session]
}

extension SQLiteReviewStore {
    public func overview() async throws -> Overview {
        try await writer.read { db in try overview(db) }
    }

    private func overview(_ db: Database) throws -> Overview {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT r.*, organization.text AS organization_name, initiative.text AS initiative_name
                FROM results AS r
                JOIN sessions AS s ON s.id = r.session_id AND s.status = 'completed'
                LEFT JOIN answers AS organization ON organization.session_id = s.id AND organization.step_id = ?
                    AND organization.replaced_at IS NULL
                LEFT JOIN answers AS initiative ON initiative.session_id = s.id AND initiative.step_id = ?
                    AND initiative.replaced_at IS NULL
                ORDER BY r.created_at, r.session_id
                """, arguments: [naming.organization, naming.initiative])
        return try Overview(
            finished: rows.map { row in
                FinishedResult(
                    result: try ResultRecord(row: row), organization: row["organization_name"],
                    initiative: row["initiative_name"])
            })
    }
}

/// A completed session's result with the names its current answers give, as the overview reads it.
public struct FinishedResult: Sendable {
    public var result: ResultRecord
    public var organization: String?
    public var initiative: String?

    public init(result: ResultRecord, organization: String?, initiative: String?) {
        self.result = result
        self.organization = organization
        self.initiative = initiative
    }
}

extension Overview {
    /// The overview of `finished`, the results of completed sessions ordered by when they were
    /// made (then by session id); every backend reads them and this groups them.
    public init(finished: [FinishedResult]) {
        var histories: [String: InitiativeHistory] = [:]
        var latest: [String: ResultRecord] = [:]
        for row in finished {
            let record = row.result
            let organization = Self.trimmed(row.organization)
            let initiative = Self.trimmed(row.initiative)
            // why: a unit separator cannot be typed into a chat, so two name pairs never share a key.
            let key = organization.lowercased() + "\u{1F}" + initiative.lowercased()
            let recommendation = record.result.recommendation
            let session = InitiativeHistory.Session(
                id: record.sessionId, date: record.createdAt,
                overall: EngagementLevel(rawValue: record.overallLevel) ?? recommendation.overallCurrent,
                recommended: EngagementLevel(rawValue: record.recommendedLevel) ?? recommendation.recommended)
            var history = histories[key] ?? InitiativeHistory(organization: "", initiative: "", sessions: [])
            history.organization = organization
            history.initiative = initiative
            history.sessions.append(session)
            histories[key] = history
            latest[key] = record
        }

        var cells: [EngagementDimension: [LevelSpan: Int]] = [:]
        var recommended: [EngagementLevel: Int] = [:]
        for record in latest.values {
            let recommendation = record.result.recommendation
            for advice in recommendation.dimensions {
                cells[advice.dimension, default: [:]][advice.current, default: 0] += 1
            }
            let level = EngagementLevel(rawValue: record.recommendedLevel) ?? recommendation.recommended
            recommended[level, default: 0] += 1
        }
        let initiatives = histories.values.sorted {
            ($0.organization.lowercased(), $0.initiative.lowercased()) < (
                $1.organization.lowercased(), $1.initiative.lowercased()
            )
        }
        self.init(cells: cells, recommended: recommended, initiatives: initiatives)
    }

    private static func trimmed(_ text: String?) -> String {
        (text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

import FlowLinksCore
import Foundation
import GRDB

/// What a facilitator narrows the sessions list to. Every field left `nil` matches all sessions.
public struct SessionFilter: Sendable, Equatable {
    public var status: SessionStatus?
    public var channel: String?
    /// Part of the organization's name, in any case.
    public var organization: String?
    /// Part of the initiative's name, in any case.
    public var initiative: String?
    /// The recommended level's number (1–5); only finished sessions have one.
    public var recommendedLevel: Int?
    /// Sessions started at or after this moment.
    public var from: Date?
    /// Sessions started before this moment.
    public var to: Date?
    /// Text, in any case, found in a current answer or in what people wrote (the bot's own
    /// messages would match every session).
    public var search: String?
    /// The page to return, from 1.
    public var page: Int
    public var pageSize: Int

    public init(
        status: SessionStatus? = nil, channel: String? = nil, organization: String? = nil, initiative: String? = nil,
        recommendedLevel: Int? = nil, from: Date? = nil, to: Date? = nil, search: String? = nil, page: Int = 1,
        pageSize: Int = 25
    ) {
        self.status = status
        self.channel = channel
        self.organization = organization
        self.initiative = initiative
        self.recommendedLevel = recommendedLevel
        self.from = from
        self.to = to
        self.search = search
        self.page = page
        self.pageSize = pageSize
    }
}

/// One line of the sessions list.
public struct SessionSummary: Sendable, Equatable, Identifiable {
    public var id: Int64
    public var channel: String
    public var conversation: String
    public var status: SessionStatus
    public var createdAt: Date
    public var updatedAt: Date
    /// The current answer to the organization question, if given.
    public var organization: String?
    /// The current answer to the initiative question, if given.
    public var initiative: String?
    /// The recommended level's number, once the session is finished.
    public var recommendedLevel: Int?
    public var contentVersion: String
    /// The code of the language the conversation was held in; `nil` for the content's default.
    public var language: String? = nil

    /// One line of the sessions list from its columns.
    // why: public, so another backend's stores (FlowLinksPostgres) can build it from their rows.
    public init(
        id: Int64, channel: String, conversation: String, status: SessionStatus, createdAt: Date, updatedAt: Date,
        organization: String? = nil, initiative: String? = nil, recommendedLevel: Int? = nil, contentVersion: String,
        language: String? = nil
    ) {
        self.id = id
        self.channel = channel
        self.conversation = conversation
        self.status = status
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.organization = organization
        self.initiative = initiative
        self.recommendedLevel = recommendedLevel
        self.contentVersion = contentVersion
        self.language = language
    }
}

/// One page of the sessions that match a filter, newest first.
public struct SessionPage: Sendable, Equatable {
    public var sessions: [SessionSummary]
    /// How many sessions match, on all pages.
    public var total: Int
    public var page: Int
    public var pageSize: Int

    /// A page of sessions with the number of all matches.
    // why: public, so another backend's stores (FlowLinksPostgres) can build it from their rows.
    public init(sessions: [SessionSummary], total: Int, page: Int, pageSize: Int) {
        self.sessions = sessions
        self.total = total
        self.page = page
        self.pageSize = pageSize
    }

    /// The 1-based positions of this page's sessions among all matches; `nil` when the page is empty.
    public var positions: ClosedRange<Int>? {
        guard !sessions.isEmpty else { return nil }
        let first = (page - 1) * pageSize + 1
        return first...(first + sessions.count - 1)
    }

    public var pageCount: Int { (total + pageSize - 1) / pageSize }
}

/// The review queries on SQLite.
public struct SQLiteReviewStore: ReviewStore {
    let writer: any DatabaseWriter
    /// The steps whose answers name the organization and initiative.
    let naming: NamingSteps

    public init(writer: any DatabaseWriter, naming: NamingSteps) {
        self.writer = writer
        self.naming = naming
    }

    public func sessions(matching filter: SessionFilter) async throws -> SessionPage {
        try await writer.read { db in try sessions(db, matching: filter) }
    }

    public func channelsWithSessions() async throws -> [String] {
        try await writer.read { db in try String.fetchAll(db, sql: "SELECT DISTINCT channel FROM sessions ORDER BY channel") }
    }

    public func reports(matching filter: SessionFilter) async throws -> [SessionReport] {
        try await writer.read { db in
            try sessions(db, matching: filter).sessions.compactMap { try Self.report(db, ofSession: $0.id) }
        }
    }

    public func report(ofSession id: Int64) async throws -> SessionReport? {
        try await writer.read { db in try Self.report(db, ofSession: id) }
    }

    public func allSessionIDs() async throws -> [Int64] {
        try await writer.read { try Int64.fetchAll($0, sql: "SELECT id FROM sessions ORDER BY id") }
    }

    @discardableResult
    public func deleteSession(id: Int64) async throws -> Bool {
        try await writer.write { db in try SessionRecord.deleteOne(db, key: id) }
    }

    private func sessions(_ db: Database, matching filter: SessionFilter) throws -> SessionPage {
        let pageSize = filter.effectivePageSize
        let page = filter.effectivePage
        let query = SessionQuery(filter, naming: naming)
        let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) " + query.body, arguments: query.arguments) ?? 0
        var arguments = query.arguments
        arguments += [pageSize, filter.offset]
        let rows = try Row.fetchAll(
            db, sql: SessionQuery.columns + query.body + " ORDER BY s.created_at DESC, s.id DESC LIMIT ? OFFSET ?",
            arguments: arguments)
        return SessionPage(sessions: try rows.map(SessionQuery.summary), total: total, page: page, pageSize: pageSize)
    }
}

/// The SQL behind `sessions(matching:)`: fixed fragments, with every user value bound as an argument.
private struct SessionQuery {
    static let columns = """
        SELECT s.id, s.channel, s.conversation, s.status, s.created_at, s.updated_at, s.content_version, s.language,
            organization.text AS organization, initiative.text AS initiative, r.recommended_level
        """

    // why: the unique index `answers_current` allows one current answer per step, so the joins
    // never repeat a session.
    private static let from = """
         FROM sessions AS s
        LEFT JOIN answers AS organization ON organization.session_id = s.id AND organization.step_id = ?
            AND organization.replaced_at IS NULL
        LEFT JOIN answers AS initiative ON initiative.session_id = s.id AND initiative.step_id = ?
            AND initiative.replaced_at IS NULL
        LEFT JOIN results AS r ON r.session_id = s.id
        """

    private(set) var body: String
    private(set) var arguments: StatementArguments

    init(_ filter: SessionFilter, naming: NamingSteps) {
        var conditions: [String] = []
        var arguments: StatementArguments = [naming.organization, naming.initiative]
        func add(_ condition: String, _ values: [(any DatabaseValueConvertible)?]) {
            conditions.append(condition)
            arguments += StatementArguments(values)
        }
        if let status = filter.status { add("s.status = ?", [status.rawValue]) }
        if let channel = filter.storedChannel { add("s.channel = ?", [channel]) }
        // why: swiftLowercaseString (GRDB's String.lowercased()) folds case beyond ASCII, which LIKE alone does not.
        if let organization = filter.organization {
            add(
                #"swiftLowercaseString(organization.text) LIKE ? ESCAPE '\'"#,
                [SessionFilter.likePattern(containing: organization)])
        }
        if let initiative = filter.initiative {
            add(#"swiftLowercaseString(initiative.text) LIKE ? ESCAPE '\'"#, [SessionFilter.likePattern(containing: initiative)])
        }
        if let level = filter.recommendedLevel { add("r.recommended_level = ?", [level]) }
        if let from = filter.from { add("s.created_at >= ?", [from]) }
        if let to = filter.to { add("s.created_at < ?", [to]) }
        if let search = filter.search {
            let pattern = SessionFilter.likePattern(containing: search)
            add(
                #"""
                (EXISTS (SELECT 1 FROM answers AS a WHERE a.session_id = s.id AND a.replaced_at IS NULL
                         AND swiftLowercaseString(a.text) LIKE ? ESCAPE '\')
                 OR EXISTS (SELECT 1 FROM transcript AS t WHERE t.session_id = s.id AND t.direction = 'in'
                            AND swiftLowercaseString(t.text) LIKE ? ESCAPE '\'))
                """#, [pattern, pattern])
        }
        body = Self.from + (conditions.isEmpty ? "" : "\nWHERE " + conditions.joined(separator: "\n  AND "))
        self.arguments = arguments
    }

    static func summary(_ row: Row) throws -> SessionSummary {
        SessionSummary(
            id: row["id"], channel: row["channel"], conversation: row["conversation"],
            status: try SessionStatus(stored: row["status"]), createdAt: row["created_at"],
            updatedAt: row["updated_at"], organization: row["organization"], initiative: row["initiative"],
            recommendedLevel: row["recommended_level"], contentVersion: row["content_version"], language: row["language"])
    }
}

import FlowLinksCore
import FlowLinksStore
import Foundation
import PostgresNIO

/// The SQL behind `PostgresReviewStore.sessions(matching:)`: fixed fragments, with every user value
/// bound as a parameter (the same query as SQLite's).
struct PostgresSessionQuery {
    private static let columns = """
        SELECT s.id, s.channel, s.conversation, s.status, s.created_at, s.updated_at, s.content_version, s.language,
            organization.text AS organization, initiative.text AS initiative, r.recommended_level
        """

    // why: the unique index `answers_current` allows one current answer per step, so the joins
    // never repeat a session.
    private static let from = """
         FROM sessions AS s
        LEFT JOIN answers AS organization ON organization.session_id = s.id AND organization.step_id = $1
            AND organization.replaced_at IS NULL
        LEFT JOIN answers AS initiative ON initiative.session_id = s.id AND initiative.step_id = $2
            AND initiative.replaced_at IS NULL
        LEFT JOIN results AS r ON r.session_id = s.id
        """

    /// Counts every match.
    let count: PostgresQuery
    /// Reads the filter's page of matches, newest first.
    let page: PostgresQuery

    init(_ filter: SessionFilter, naming: NamingSteps) {
        var conditions: [String] = []
        var binds = PostgresBindings()
        binds.append(naming.organization)
        binds.append(naming.initiative)
        func add(_ condition: (String) -> String, _ value: some PostgresDynamicTypeEncodable) {
            binds.append(value)
            conditions.append(condition("$\(binds.count)"))
        }
        if let status = filter.status { add({ "s.status = \($0)" }, status.rawValue) }
        if let channel = filter.storedChannel { add({ "s.channel = \($0)" }, channel) }
        // why: lower() folds case beyond ASCII (by the database's LC_CTYPE), as SQLite's
        // swiftLowercaseString does; the pattern is lower-cased in Swift.
        if let organization = filter.organization {
            add({ #"lower(organization.text) LIKE \#($0) ESCAPE '\'"# }, SessionFilter.likePattern(containing: organization))
        }
        if let initiative = filter.initiative {
            add({ #"lower(initiative.text) LIKE \#($0) ESCAPE '\'"# }, SessionFilter.likePattern(containing: initiative))
        }
        if let level = filter.recommendedLevel { add({ "r.recommended_level = \($0)" }, level) }
        if let from = filter.from { add({ "s.created_at >= \($0)" }, from) }
        if let to = filter.to { add({ "s.created_at < \($0)" }, to) }
        if let search = filter.search {
            add(
                {
                    #"""
                    (EXISTS (SELECT 1 FROM answers AS a WHERE a.session_id = s.id AND a.replaced_at IS NULL
                             AND lower(a.text) LIKE \#($0) ESCAPE '\')
                     OR EXISTS (SELECT 1 FROM transcript AS t WHERE t.session_id = s.id AND t.direction = 'in'
                                AND lower(t.text) LIKE \#($0) ESCAPE '\'))
                    """#
                }, SessionFilter.likePattern(containing: search))
        }
        let body = Self.from + (conditions.isEmpty ? "" : "\nWHERE " + conditions.joined(separator: "\n  AND "))
        count = PostgresQuery(unsafeSQL: "SELECT COUNT(*)" + body, binds: binds)
        binds.append(filter.effectivePageSize)
        binds.append(filter.offset)
        page = PostgresQuery(
            unsafeSQL: Self.columns + body
                + " ORDER BY s.created_at DESC, s.id DESC LIMIT $\(binds.count - 1) OFFSET $\(binds.count)",
            binds: binds)
    }

    /// One line of the list from a row of `columns`.
    static func summary(_ row: PostgresRow) throws -> SessionSummary {
        let row = row.makeRandomAccess()
        return SessionSummary(
            id: try row["id"].decode(Int64.self), channel: try row["channel"].decode(String.self),
            conversation: try row["conversation"].decode(String.self),
            status: try PostgresRowError.status(try row["status"].decode(String.self)),
            createdAt: try row["created_at"].decode(Date.self), updatedAt: try row["updated_at"].decode(Date.self),
            organization: try row["organization"].decode(String?.self),
            initiative: try row["initiative"].decode(String?.self),
            recommendedLevel: try row["recommended_level"].decode(Int?.self),
            contentVersion: try row["content_version"].decode(String.self),
            language: try row["language"].decode(String?.self))
    }
}

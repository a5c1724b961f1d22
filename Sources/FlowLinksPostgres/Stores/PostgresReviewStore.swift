import FlowLinksCore
import FlowLinksStore
import Foundation
import PostgresNIO

/// The review queries on PostgreSQL, answering as `SQLiteReviewStore` does.
public struct PostgresReviewStore: ReviewStore {
    let database: PostgreSQLDatabase
    /// The steps whose answers name the organization and initiative.
    let naming: NamingSteps

    public init(database: PostgreSQLDatabase, naming: NamingSteps) {
        self.database = database
        self.naming = naming
    }

    public func sessions(matching filter: SessionFilter) async throws -> SessionPage {
        try await database.readSnapshot { connection in try await sessions(on: connection, matching: filter) }
    }

    public func channelsWithSessions() async throws -> [String] {
        // why: SQLite orders text by its bytes; "C" does the same whatever the database's collation.
        let rows = try await database.client.query(
            #"SELECT DISTINCT channel COLLATE "C" AS channel FROM sessions ORDER BY 1"#, logger: database.logger)
        return try await rows.collect().map { try $0.decode(String.self) }
    }

    public func reports(matching filter: SessionFilter) async throws -> [SessionReport] {
        try await database.readSnapshot { connection in
            var reports: [SessionReport] = []
            for summary in try await sessions(on: connection, matching: filter).sessions {
                if let report = try await Self.report(on: connection, ofSession: summary.id, logger: database.logger) {
                    reports.append(report)
                }
            }
            return reports
        }
    }

    public func report(ofSession id: Int64) async throws -> SessionReport? {
        try await database.readSnapshot { connection in
            try await Self.report(on: connection, ofSession: id, logger: database.logger)
        }
    }

    public func allSessionIDs() async throws -> [Int64] {
        let rows = try await database.client.query("SELECT id FROM sessions ORDER BY id", logger: database.logger)
        return try await rows.collect().map { try $0.decode(Int64.self) }
    }

    @discardableResult
    public func deleteSession(id: Int64) async throws -> Bool {
        // why: answers, transcript, result, notes, dedupe records and queued replies go with the
        // session by their foreign keys' ON DELETE CASCADE.
        let rows = try await database.client.query(
            "DELETE FROM sessions WHERE id = \(id) RETURNING id", logger: database.logger)
        return try await !rows.collect().isEmpty
    }

    private func sessions(
        on connection: PostgresConnection, matching filter: SessionFilter
    ) async throws
        -> SessionPage
    {
        let query = PostgresSessionQuery(filter, naming: naming)
        let total = try await connection.query(query.count, logger: database.logger).collect().first?.decode(Int.self)
        let rows = try await connection.query(query.page, logger: database.logger).collect()
        return SessionPage(
            sessions: try rows.map(PostgresSessionQuery.summary), total: total ?? 0, page: filter.effectivePage,
            pageSize: filter.effectivePageSize)
    }
}

extension PostgreSQLDatabase {
    /// Runs `body` in a read-only transaction that sees one snapshot of the database throughout.
    func readSnapshot<Result>(
        _ body: (PostgresConnection) async throws -> sending Result
    ) async throws -> sending Result {
        try await transaction { connection in
            // why: PostgreSQL's default (READ COMMITTED) takes a new snapshot per statement; a report
            // read in several statements must not mix a session with a later change to it.
            try await connection.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY", logger: logger).drain()
            return try await body(connection)
        }
    }
}

import FlowLinksCore
import FlowLinksStore
import Foundation
import Logging
import PostgresNIO

/// Workshops on PostgreSQL, answering as `SQLiteWorkshopStore` does.
public struct PostgresWorkshopStore: WorkshopStore {
    let database: PostgreSQLDatabase

    public init(database: PostgreSQLDatabase) {
        self.database = database
    }

    public func createWorkshop(
        name: String, organizations: [String], initiatives: [String], closesAt: Date?, follows: String?, now: Date,
        codes: [WorkshopCode]
    ) async throws -> WorkshopRecord {
        let logger = database.logger
        let organizationsJSON = try PostgresRecords.jsonText(organizations)
        let initiativesJSON = try PostgresRecords.jsonText(initiatives)
        return try await database.transaction { connection in
            var followsID: Int64?
            if let follows {
                guard let earlier = try await Self.workshop(on: connection, code: follows, logger: logger) else {
                    throw WorkshopError.unknownCode(follows)
                }
                followsID = earlier.id
            }
            for code in codes.map(\.text) {
                // why: another replica may take the same code at the same moment; the unique code
                // then skips this insert instead of failing the transaction.
                let inserted = try await connection.query(
                    """
                    INSERT INTO workshops (code, name, organizations, initiatives, follows_id, closes_at, created_at)
                    VALUES (\(code), \(name), \(organizationsJSON), \(initiativesJSON), \(followsID), \(closesAt), \(now))
                    ON CONFLICT (code) DO NOTHING RETURNING *
                    """, logger: logger
                ).collect()
                if let row = inserted.first { return try PostgresRecords.workshop(row) }
            }
            throw PostgresWorkshopStoreError.noFreeCode
        }
    }

    public func workshop(code: String) async throws -> WorkshopRecord? {
        try await database.client.withConnection { connection in
            try await Self.workshop(on: connection, code: code, logger: database.logger)
        }
    }

    public func workshops() async throws -> [WorkshopListing] {
        try await database.readSnapshot { connection in
            let rows = try await connection.query("SELECT * FROM workshops ORDER BY id DESC", logger: database.logger)
                .collect()
            var listings: [WorkshopListing] = []
            for row in rows {
                listings.append(try await Self.listing(on: connection, try PostgresRecords.workshop(row), database.logger))
            }
            return listings
        }
    }

    public func workshopReport(code: String) async throws -> WorkshopReport? {
        try await database.readSnapshot { connection in
            try await Self.report(on: connection, code: code, logger: database.logger)
        }
    }

    @discardableResult
    public func closeWorkshop(code: String, at now: Date) async throws -> Bool {
        guard let code = WorkshopCode(typed: code) else { return false }
        // why: a workshop closed before keeps the moment it was first closed.
        let rows = try await database.client.query(
            "UPDATE workshops SET closed_at = COALESCE(closed_at, \(now)) WHERE code = \(code.text) RETURNING id",
            logger: database.logger)
        return try await !rows.collect().isEmpty
    }
}

/// Why a workshop could not be stored.
enum PostgresWorkshopStoreError: Error, CustomStringConvertible {
    /// Every candidate code was taken.
    case noFreeCode

    var description: String { "no free workshop code" }
}

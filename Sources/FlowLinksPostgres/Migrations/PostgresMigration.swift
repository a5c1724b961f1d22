import Foundation

/// One step of the PostgreSQL schema's history: statements run in order, in one transaction.
public struct PostgresMigration: Sendable {
    /// Recorded in `schema_migrations`; never changed once shipped.
    public var name: String
    public var statements: [String]

    public init(name: String, statements: [String]) {
        self.name = name
        self.statements = statements
    }

    /// Every migration, in order. A shipped migration never changes: add a new one instead.
    // why: the first is the SQLite schema after its v1–v8, written at once: no PostgreSQL database
    // existed before it, so there is no older PostgreSQL schema to migrate from.
    public static let all = [
        PostgresMigration(
            name: "v1: the SQLite schema of v1-v8, an outbox lease and sign-in throttles",
            statements: PostgresSchemaV1.statements)
    ]
}

/// Which of the schema's migrations a PostgreSQL database has, next to those this program knows
/// (what SQLite's migration status tells, with when each was applied).
public struct PostgresMigrationStatus: Sendable, Equatable {
    /// A migration recorded in the database.
    public struct Applied: Sendable, Equatable {
        public var name: String
        public var appliedAt: Date
    }

    /// Every migration recorded in the database, in the order applied.
    public var applied: [Applied]
    /// Every migration this program knows, in order.
    public var known: [String]

    /// Known migrations the database does not have yet; applying them is `migrate()`'s work.
    public var pending: [String] { known.filter { name in !applied.contains { $0.name == name } } }

    /// Migrations this program does not know: a newer FlowLinks migrated the database.
    public var unknown: [String] { applied.map(\.name).filter { !known.contains($0) } }

    public var isUpToDate: Bool { pending.isEmpty && unknown.isEmpty }
}

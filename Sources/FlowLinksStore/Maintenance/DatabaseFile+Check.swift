import GRDB

/// What `flowlinks db check` finds in a database file.
public struct DatabaseHealth: Sendable, Equatable {
    /// What `PRAGMA integrity_check` reports; empty when the file is sound.
    public var integrityProblems: [String]
    /// Rows pointing to rows that are not there.
    public var foreignKeyProblems: [String]
    /// Nil when the migrations could not be read.
    public var migrations: MigrationStatus?
    public var sessions: Int?

    /// Sound, consistent, and not from a newer FlowLinks. Pending migrations are no problem:
    /// `flowlinks serve` applies them when it starts.
    public var isHealthy: Bool {
        integrityProblems.isEmpty && foreignKeyProblems.isEmpty && migrations?.unknown.isEmpty == true
    }
}

extension DatabaseFile {
    /// Checks the file's integrity and foreign keys and reads its migration status, changing nothing.
    public func check() throws -> DatabaseHealth {
        let queue = try connection()
        defer { try? queue.close() }
        // why: each statement on its own, outside a transaction, so a damaged page fails only the
        // statement that meets it, and every finding is still reported.
        return queue.inDatabase { db in
            let integrity = Self.integrityProblems(db)
            let migrations = try? Self.migrationStatus(db)
            return DatabaseHealth(
                integrityProblems: integrity + (migrations == nil ? ["the migrations table cannot be read"] : []),
                foreignKeyProblems: Self.foreignKeyProblems(db), migrations: migrations,
                sessions: try? Self.sessionCount(db))
        }
    }
}

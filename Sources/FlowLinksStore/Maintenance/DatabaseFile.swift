import Foundation
import GRDB

/// A FlowLinks database handled as a file: checked, copied and replaced without running
/// migrations, so a newer program never migrates a database an older server still uses.
public struct DatabaseFile: Sendable {
    public let path: String

    public init(path: String) { self.path = path }

    public var exists: Bool { FileManager.default.fileExists(atPath: path) }

    /// The file's size in bytes, without its write-ahead log.
    public var size: Int64 {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.int64Value ?? 0
    }

    /// The size in bytes of its write-ahead log (`<file>-wal`), which holds the latest commits
    /// until a checkpoint copies them into the file; 0 when there is none.
    public var writeAheadLogSize: Int64 {
        ((try? FileManager.default.attributesOfItem(atPath: path + "-wal"))?[.size] as? NSNumber)?.int64Value ?? 0
    }

    /// A connection that leaves the schema as it is; the file must exist.
    func connection() throws -> DatabaseQueue {
        guard exists else { throw MaintenanceError.missing(path: path) }
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        do {
            return try DatabaseQueue(path: path, configuration: configuration)
        } catch let error as DatabaseError where [.SQLITE_NOTADB, .SQLITE_CORRUPT].contains(error.resultCode) {
            throw MaintenanceError.notADatabase(path: path, reason: error.message ?? "\(error.resultCode)")
        }
    }

    /// Whether another process has the database open (a running server does, all the time).
    public func isInUse() -> Bool {
        guard exists else { return false }
        var configuration = Configuration()
        configuration.busyMode = .immediateError
        // why: set before the first read, so SQLite must lock the file for itself instead of sharing
        // the WAL index, which it cannot do while any other process has the database open.
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA locking_mode = EXCLUSIVE") }
        do {
            let probe = try DatabaseQueue(path: path, configuration: configuration)
            try probe.writeWithoutTransaction { db in try db.execute(sql: "BEGIN EXCLUSIVE; COMMIT") }
            try probe.close()
            return false
        } catch let error as DatabaseError {
            return error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED
        } catch {
            return false
        }
    }

    /// The migrations the database has, next to the ones this program knows.
    static func migrationStatus(_ db: Database) throws -> MigrationStatus {
        let migrator = SQLiteDatabase.migrator
        let applied = try migrator.appliedIdentifiers(db)
        let known = migrator.migrations
        return MigrationStatus(
            applied: known.filter(applied.contains) + applied.subtracting(known).sorted(), known: known)
    }

    /// What `PRAGMA integrity_check` finds; empty when the file is sound.
    static func integrityProblems(_ db: Database) -> [String] {
        do {
            let rows = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            return rows == ["ok"] ? [] : rows
        } catch {
            return ["\(error)"]
        }
    }

    /// Rows that point to a row that is not there, as `PRAGMA foreign_key_check` finds them.
    static func foreignKeyProblems(_ db: Database) -> [String] {
        do {
            return try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").map { row in
                let table: String = row[0]
                let rowID: Int64? = row[1]
                let parent: String = row[2]
                return "\(table) row \(rowID.map(String.init) ?? "?") points to a missing \(parent) row"
            }
        } catch {
            return ["\(error)"]
        }
    }

    /// How many sessions the database holds; nil when it has no sessions table.
    static func sessionCount(_ db: Database) throws -> Int? {
        guard try db.tableExists("sessions") else { return nil }
        return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sessions")
    }

    /// Rows in every table the app writes, so that a restore does not replace data unasked.
    static func dataRowCount(_ db: Database) throws -> Int {
        let tables = try String.fetchAll(
            db,
            sql: """
                SELECT name FROM sqlite_master
                WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != 'grdb_migrations'
                """)
        return try tables.reduce(0) { total, table in
            total + (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table.quotedDatabaseIdentifier)") ?? 0)
        }
    }

    /// Makes the file self-contained (no -wal needed beside it), checks it, and closes it.
    static func seal(_ copy: DatabaseQueue, path: String) throws -> (sessions: Int?, migrations: MigrationStatus) {
        let result = try copy.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA journal_mode = DELETE")
            let problems = integrityProblems(db) + foreignKeyProblems(db)
            guard problems.isEmpty else { throw MaintenanceError.damaged(path: path, problems: problems) }
            return (try sessionCount(db), try migrationStatus(db))
        }
        try copy.close()
        return result
    }

    /// The path of a file beside this one that is being written, to be moved over it once complete.
    func partialPath(_ purpose: String) -> String {
        path + ".\(purpose)-\(UUID().uuidString.prefix(8))"
    }

    /// Moves a finished file over this one in one step, after removing the write-ahead log and
    /// rollback journal of the file it replaces.
    func replace(with finished: String) throws {
        // why: SQLite would apply a stale -wal or -journal to the new file and corrupt it, so they go
        // first; a crash in between leaves the old file without its log, which was being replaced anyway.
        for suffix in ["-wal", "-shm", "-journal"] where FileManager.default.fileExists(atPath: path + suffix) {
            try FileManager.default.removeItem(atPath: path + suffix)
        }
        guard rename(finished, path) == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
    }
}

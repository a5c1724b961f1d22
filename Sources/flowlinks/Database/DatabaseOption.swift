import ArgumentParser
import FlowLinksCore
import FlowLinksPostgres
import FlowLinksServer
import FlowLinksStore
import Foundation
import Logging

/// The `--db` option every command that reads or writes the database shares: an SQLite file, or
/// a `postgres://` URL for the database that replicas share.
struct DatabaseOption: ParsableArguments {
    @Option(help: "SQLite database file, or postgres://user@host/name for PostgreSQL.")
    var db = "./flowlinks.sqlite"

    private var isPostgres: Bool { Config.isPostgresURL(db) }

    /// The database as messages may name it: a PostgreSQL URL without its password.
    var displayName: String {
        guard isPostgres else { return db }
        return (try? PostgresLocation(url: db)).map(String.init(describing:)) ?? "the PostgreSQL database"
    }

    /// The SQLite file, for the commands that work on the file itself; PostgreSQL has its own tools.
    func sqliteFile(for command: String) throws -> DatabaseFile {
        guard !isPostgres else {
            throw CommandFailure(
                "\(command) works on an SQLite file. For PostgreSQL use its own tools (pg_dump, pg_restore, "
                    + "or your provider's backups); see docs/operations.md.")
        }
        return DatabaseFile(path: db)
    }

    /// The SQLite database, migrated as `serve` would; a missing file is an error, never a new database.
    func open(for command: String) throws -> SQLiteDatabase {
        let file = try sqliteFile(for: command)
        guard file.exists else { throw MaintenanceError.missing(path: db) }
        return try SQLiteDatabase.open(path: db)
    }

    /// Runs `body` with the stores on the database, migrated as `serve` would: an existing SQLite
    /// file (a missing one is an error, unless `creatingTheFile`, for the commands that set one up:
    /// `repl`, `facilitators add`), or PostgreSQL. The review queries name sessions through
    /// `script`'s steps.
    func withStores<Result: Sendable>(
        script: Script? = nil, creatingTheFile: Bool = false, _ body: (Stores) async throws -> Result
    ) async throws -> Result {
        let naming = script.map(NamingSteps.init) ?? NamingSteps(organization: nil, initiative: nil)
        guard isPostgres else {
            guard creatingTheFile || DatabaseFile(path: db).exists else { throw MaintenanceError.missing(path: db) }
            return try await body(SQLiteDatabase.open(path: db).stores(naming: naming))
        }
        let location: PostgresLocation
        do {
            location = try PostgresLocation(url: db)
        } catch {
            throw ValidationError("--db: \(error)")
        }
        var logger = Logger(label: "flowlinks")
        logger.logLevel = .warning
        return try await DatabaseLocation.postgres(location).withStores(naming: naming, logger: logger, body)
    }
}

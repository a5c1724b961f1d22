import ArgumentParser
import FlowLinksCore
import FlowLinksStore
import Foundation

/// The `--db PATH` option every command that reads or writes the database shares.
struct DatabaseOption: ParsableArguments {
    @Option(help: "SQLite database file.")
    var db = "./flowlinks.sqlite"

    var file: DatabaseFile { DatabaseFile(path: db) }

    /// The database, migrated as `serve` would; a missing file is an error, never a new database.
    func open() throws -> SQLiteDatabase {
        guard file.exists else { throw MaintenanceError.missing(path: db) }
        return try SQLiteDatabase.open(path: db)
    }

    /// The stores on the existing database; the review queries name sessions through `script`'s steps.
    func stores(script: Script? = nil) throws -> Stores {
        try open().stores(naming: script.map(NamingSteps.init) ?? NamingSteps(organization: nil, initiative: nil))
    }

    /// The stores, on a new database when there is none yet (for the commands that set one up:
    /// `repl`, `facilitators add`).
    func storesCreatingTheFile(script: Script? = nil) throws -> Stores {
        try SQLiteDatabase.open(path: db).stores(
            naming: script.map(NamingSteps.init) ?? NamingSteps(organization: nil, initiative: nil))
    }
}

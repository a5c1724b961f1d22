import ArgumentParser
import FlowLinksStore
import Foundation

/// The `--db PATH` option of the commands that work on an existing database, as `sessions` takes it.
struct DatabaseOption: ParsableArguments {
    @Option(help: "SQLite database file.")
    var db = "./flowlinks.sqlite"

    var file: DatabaseFile { DatabaseFile(path: db) }

    /// The database, migrated as `serve` would; a missing file is an error, never a new database.
    func open() throws -> AppDatabase {
        guard file.exists else { throw MaintenanceError.missing(path: db) }
        return try AppDatabase.open(path: db)
    }
}

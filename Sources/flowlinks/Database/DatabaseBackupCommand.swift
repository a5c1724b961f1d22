import ArgumentParser
import FlowLinksStore
import Foundation

/// `flowlinks db backup PATH`: a consistent copy of the database, taken while the server runs.
struct DatabaseBackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the database to PATH, consistently, while the server keeps running.",
        discussion: """
            The copy holds every change committed before the backup began. It is one self-contained SQLite \
            file, checked with PRAGMA integrity_check before it is moved into place.
              flowlinks db backup /var/backups/flowlinks/$(date +%F).sqlite --db /var/lib/flowlinks/flowlinks.sqlite
            """)

    @Argument(help: "Where to write the backup.")
    var path: String

    @OptionGroup var database: DatabaseOption

    @Flag(help: "Overwrite PATH if it exists.")
    var force = false

    func run() throws {
        let started = Date()
        let copy = try database.sqliteFile(for: "db backup").backup(to: path, overwrite: force)
        let seconds = Date().timeIntervalSince(started)
        print(
            "Backed up \(database.db) to \(path): \(DatabaseReport.sessions(copy.sessions)), "
                + "\(DatabaseReport.size(copy.bytes)), integrity ok, in \(String(format: "%.2f", seconds)) s.")
    }
}

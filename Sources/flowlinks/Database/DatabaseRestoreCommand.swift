import ArgumentParser
import FlowLinksStore

/// `flowlinks db restore PATH`: puts a backup in place of the database.
struct DatabaseRestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Replace the database with a backup, after checking the backup.",
        discussion: """
            Stop the server first: a database that another process has open is never replaced. The backup \
            must pass PRAGMA integrity_check and be a FlowLinks database this program knows. A database \
            that already holds data is replaced only with --force.
              flowlinks db restore /var/backups/flowlinks/2026-03-31.sqlite --db /var/lib/flowlinks/flowlinks.sqlite
            """)

    @Argument(help: "The backup file to restore.")
    var path: String

    @OptionGroup var database: DatabaseOption

    @Flag(help: "Replace a database that holds data.")
    var force = false

    func run() throws {
        let restored = try database.sqliteFile(for: "db restore").restore(from: DatabaseFile(path: path), replacingData: force)
        print("Restored \(database.db) from \(path): \(DatabaseReport.sessions(restored.sessions)), integrity ok.")
        if !restored.migrations.pending.isEmpty {
            print(
                "The backup lacks \(restored.migrations.pending.count) newer migrations; flowlinks serve applies them when it starts."
            )
        }
    }
}

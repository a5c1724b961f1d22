import ArgumentParser
import FlowLinksStore
import Foundation

/// `flowlinks db check`: is the database file sound, and which migrations does it have.
struct DatabaseCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the database's integrity and foreign keys, and show its migration status.",
        discussion: """
            Runs PRAGMA integrity_check and PRAGMA foreign_key_check and compares the migrations the database \
            has with those this program knows; changes nothing. Exits 1 on any problem. Pending migrations are \
            no problem: flowlinks serve applies them when it starts.
            """)

    @OptionGroup var database: DatabaseOption

    func run() throws {
        let file = try database.sqliteFile(for: "db check")
        // why: read before this command opens the file; closing the last connection empties the log.
        let log = file.writeAheadLogSize
        let health = try file.check()
        print(DatabaseReport.lines(health, file: file, writeAheadLog: log).joined(separator: "\n"))
        guard health.isHealthy else {
            throw CommandFailure("\(file.path) has problems; restore the latest good backup (see docs/data-care.md).")
        }
    }
}

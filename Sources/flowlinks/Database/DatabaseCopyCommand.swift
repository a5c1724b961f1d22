import ArgumentParser
import FlowLinksPostgres
import FlowLinksStore
import Foundation
import Logging

/// `flowlinks db copy --to postgres://…`: moving up from SQLite to PostgreSQL.
struct DatabaseCopyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy",
        abstract: "Copy the SQLite database into an empty PostgreSQL database, and verify the copy.",
        discussion: """
            Stop the server first. Every table is copied in one transaction, with its ids; then each table's \
            row count and a SHA-256 of its rows are compared on both sides. The SQLite file is only read.
              flowlinks db copy --db /var/lib/flowlinks/flowlinks.sqlite \\
                --to 'postgres://flowlinks@db.example.org/flowlinks?sslmode=verify-full'
            The password may come from FLOWLINKS_COPY_PASSWORD instead of the URL, to keep it out of the shell's history.
            """)

    @OptionGroup var database: DatabaseOption

    @Option(help: "The PostgreSQL database to copy into: postgres://USER[:PASSWORD]@HOST[:PORT]/NAME[?sslmode=…].")
    var to: String

    func run() async throws {
        var location: PostgresLocation
        do {
            location = try PostgresLocation(url: to)
        } catch {
            throw CommandFailure("--to: \(error)")
        }
        if location.password == nil, let password = ProcessInfo.processInfo.environment["FLOWLINKS_COPY_PASSWORD"] {
            location.password = password
        }
        // why: the copy must see one state of the file; a running server would change it meanwhile.
        guard try !database.sqliteFile(for: "db copy").isInUse() else {
            throw CommandFailure(MaintenanceError.inUse(path: database.db).description)
        }
        _ = try database.open(for: "db copy")
        let started = Date()
        var logger = Logger(label: "flowlinks.copy")
        logger.logLevel = .warning
        let reports = try await PostgreSQLDatabase.withDatabase(location: location, poolSize: 2, logger: logger) { target in
            do {
                return try await DatabaseCopy(sqlitePath: database.db, target: target).run()
            } catch let error as DatabaseCopyError {
                throw CommandFailure(error.description)
            }
        }
        for report in reports {
            let rows = report.rows == 1 ? "1 row" : "\(report.rows) rows"
            print("\(report.table): \(rows), sha256 \(report.copyHash.prefix(16))…, verified")
        }
        let seconds = String(format: "%.1f", Date().timeIntervalSince(started))
        print("Copied \(database.db) to \(location) and verified every table, in \(seconds) s.")
    }
}

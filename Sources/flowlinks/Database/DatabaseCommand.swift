import ArgumentParser

/// `flowlinks db …`: care of the database file.
struct DatabaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Back up, restore, check and purge the database, or copy it into PostgreSQL.",
        subcommands: [
            DatabaseBackupCommand.self, DatabaseRestoreCommand.self, DatabaseCheckCommand.self, DatabasePurgeCommand.self,
            DatabaseCopyCommand.self,
        ]
    )
}

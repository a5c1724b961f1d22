import ArgumentParser

/// `flowlinks sessions …`: review sessions from the command line.
struct SessionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sessions",
        abstract: "List, show, export and delete facilitation sessions.",
        subcommands: [
            SessionsListCommand.self, SessionsShowCommand.self, SessionsExportCommand.self, SessionsDeleteCommand.self,
        ]
    )
}

import ArgumentParser

/// `flowlinks workshops …`: workshops on the command line.
struct WorkshopsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workshops",
        abstract: "Create, list, show and close workshops: sessions grouped for a meeting, joined with a code.",
        subcommands: [
            WorkshopsCreateCommand.self, WorkshopsListCommand.self, WorkshopsShowCommand.self, WorkshopsCloseCommand.self,
        ]
    )
}

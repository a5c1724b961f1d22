import ArgumentParser

/// `flowlinks`: the facilitation bot's command line.
@main
struct FlowLinksCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "flowlinks",
        abstract: "FlowLinks: a facilitation bot for engagement with community partners.",
        subcommands: [
            ServeCommand.self, ReplCommand.self, SessionsCommand.self, FacilitatorsCommand.self, PromptsCommand.self,
            ConfigCommand.self, DatabaseCommand.self, OutboxCommand.self, WorkshopsCommand.self,
        ],
        defaultSubcommand: nil
    )
}

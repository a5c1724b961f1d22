import ArgumentParser

/// `flowlinks outbox …`: the platform API calls (replies) waiting to be delivered.
struct OutboxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outbox",
        abstract: "Show queued platform deliveries and re-queue failed ones.",
        subcommands: [OutboxListCommand.self, OutboxRetryCommand.self]
    )
}

import ArgumentParser
import FlowLinksCore
import FlowLinksServer
import FlowLinksStore
import Foundation
import Logging

/// `flowlinks serve`: the webhook server.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the webhook server for the chat channels.",
        discussion: """
            Settings come from flags, then FLOWLINKS_* environment variables, then the config file, then \
            defaults; the first that sets a value wins. A channel is on only when its secret is set; the \
            generic JSON channel also works without a token while the server listens on loopback.

            The database is an SQLite file by default. With database = postgres://user@host/name (or \
            FLOWLINKS_DATABASE, or --db), several replicas serve one PostgreSQL database; each applies the \
            migrations it lacks at start, one at a time.

            Settings (config file key, environment variable):
            \(ServerSettingsOptions.settingsHelp)

            Secrets belong in the environment or the config file, not in flags.
            """)

    @OptionGroup var settings: ServerSettingsOptions

    func run() async throws {
        let config = try settings.load()
        var logger = Logger(label: "flowlinks")
        logger.logLevel = Logger.Level(rawValue: config.logLevel) ?? .info
        let script = try PromptsOptions.folder(config.promptsDirectory).loadScript()
        let metrics = ServerMetrics()
        try await DatabaseLocation(config).withStores(
            naming: NamingSteps(script), logger: logger, checkpointing: config.walCheckpoint, observer: metrics
        ) { stores in
            try await serve(config, script: script, stores: stores, metrics: metrics, logger: logger)
        }
    }

    private func serve(
        _ config: Config, script: Script, stores: Stores, metrics: ServerMetrics, logger: Logger
    ) async throws {
        logger.info(
            "FlowLinks is listening",
            metadata: [
                "address": "\(config.host):\(config.port)", "database": "\(config.databaseForDisplay)",
                "channels": "\(config.enabledChannels.joined(separator: ", "))", "prompts": "\(script.version)",
            ])
        let app = buildApplication(
            config, dependencies: ServerDependencies(script: script, stores: stores, metrics: metrics, logger: logger))
        try await app.runService()
    }
}

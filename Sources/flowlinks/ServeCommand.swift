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

            Settings (config file key, environment variable):
            \(ConfigKey.allCases.map { "  \($0.rawValue), \($0.environmentVariable)\n      \($0.help)" }.joined(separator: "\n"))

            Secrets belong in the environment or the config file, not in flags.
            """)

    @Option(help: "YAML config file of \"setting: value\" lines.")
    var config: String?

    @Option(help: "Address to listen on.")
    var host: String?

    @Option(help: "Port to listen on.")
    var port: String?

    @Option(help: "SQLite database file.")
    var db: String?

    @Option(help: "Prompts folder.")
    var prompts: String?

    @Option(name: .long, help: "Any other setting, as key=value (repeatable), e.g. --set rate_limit_per_minute=60.")
    var set: [String] = []

    func run() async throws {
        let config = try ServerConfigOptions(file: self.config, flags: flags()).load()
        var logger = Logger(label: "flowlinks")
        logger.logLevel = Logger.Level(rawValue: config.logLevel) ?? .info
        let script = try PromptsOptions.parse(config.promptsDirectory.map { ["--prompts", $0] } ?? []).loadScript()
        let database = try AppDatabase.open(path: config.databasePath)
        logger.info(
            "FlowLinks is listening",
            metadata: [
                "address": "\(config.host):\(config.port)", "database": "\(config.databasePath)",
                "channels": "\(config.enabledChannels.joined(separator: ", "))", "prompts": "\(script.version)",
            ])
        let app = buildApplication(config, dependencies: ServerDependencies(script: script, database: database, logger: logger))
        try await app.runService()
    }

    private func flags() throws -> [ConfigKey: String] {
        var flags: [ConfigKey: String] = [:]
        for pair in set {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let key = ConfigKey(rawValue: parts[0]) else {
                throw ValidationError("--set \(pair): expected key=value with a known setting (see --help)")
            }
            guard !key.isSecret else {
                throw ValidationError("--set \(parts[0]): put secrets in the environment or the config file")
            }
            flags[key] = parts[1]
        }
        flags[.host] = host ?? flags[.host]
        flags[.port] = port ?? flags[.port]
        flags[.database] = db ?? flags[.database]
        flags[.prompts] = prompts ?? flags[.prompts]
        return flags
    }
}

/// Reads the config file and environment, and reports a bad setting by name before exiting.
struct ServerConfigOptions {
    let file: String?
    let flags: [ConfigKey: String]

    func load() throws -> Config {
        var fileContents: (path: String, text: String)?
        if let file {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
                throw ValidationError("--config \(file): cannot be read")
            }
            fileContents = (file, text)
        }
        do {
            return try ConfigLoader.load(flags: flags, environment: ProcessInfo.processInfo.environment, file: fileContents)
        } catch {
            FileHandle.standardError.write(Data("Configuration problem: \(error)\n".utf8))
            throw ExitCode(2)
        }
    }
}

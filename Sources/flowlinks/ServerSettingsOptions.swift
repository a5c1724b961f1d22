import ArgumentParser
import FlowLinksServer
import Foundation

/// The server's settings as `serve` takes them: flags, then FLOWLINKS_* environment variables,
/// then the config file, then defaults. Shared with `config check`, so both read the same way.
struct ServerSettingsOptions: ParsableArguments {
    @Option(help: "YAML config file of \"setting: value\" lines.")
    var config: String?

    @Option(help: "Address to listen on.")
    var host: String?

    @Option(help: "Port to listen on.")
    var port: String?

    @Option(help: "SQLite database file, or postgres://user@host/name for PostgreSQL.")
    var db: String?

    @Option(help: "Prompts folder.")
    var prompts: String?

    @Option(name: .long, help: "Any other setting, as key=value (repeatable), e.g. --set rate_limit_per_minute=60.")
    var set: [String] = []

    /// The one `Config`, or an exit naming the setting that is wrong.
    func load() throws -> Config {
        try ServerConfigOptions(file: config, flags: flags()).load()
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

    /// Every setting with its config file key and environment variable, for `--help`.
    static var settingsHelp: String {
        ConfigKey.allCases.map { "  \($0.rawValue), \($0.environmentVariable)\n      \($0.help)" }.joined(separator: "\n")
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
            let config = try ConfigLoader.load(flags: flags, environment: ProcessInfo.processInfo.environment, file: fileContents)
            do {
                _ = try DatabaseLocation(config)
            } catch {
                throw ConfigError(setting: "database", problem: error.description)
            }
            return config
        } catch {
            FileHandle.standardError.write(Data("Configuration problem: \(error)\n".utf8))
            throw ExitCode(2)
        }
    }
}

import FlowLinksStore
import Foundation
import Logging
import Yams

/// A setting that stops start-up, named the way the person set it (flag, variable or file key).
public struct ConfigError: Error, Equatable, CustomStringConvertible, Sendable {
    public let setting: String
    public let problem: String

    public init(setting: String, problem: String) {
        self.setting = setting
        self.problem = problem
    }

    public var description: String { "\(setting): \(problem)" }
}

/// Builds the one `Config` from command-line flags, then environment variables, then a config
/// file, then defaults: the first that sets a key wins. Nothing else reads the environment.
public enum ConfigLoader {
    /// The shortest token or secret an operator may choose for a channel.
    public static let minimumInventedSecretLength = 16

    public static func load(
        flags: [ConfigKey: String] = [:], environment: [String: String] = [:], file: (path: String, text: String)? = nil
    ) throws(ConfigError) -> Config {
        var values: [ConfigKey: (value: String, source: String)] = [:]
        if let file {
            for (name, value) in try fileValues(file) {
                guard let key = ConfigKey(rawValue: name) else {
                    throw ConfigError(setting: "\(file.path): \(name)", problem: "unknown setting")
                }
                values[key] = (value, "\(file.path): \(name)")
            }
        }
        for key in ConfigKey.allCases {
            if let value = environment[key.environmentVariable] { values[key] = (value, key.environmentVariable) }
            if let value = flags[key] { values[key] = (value, "--\(key.rawValue.replacingOccurrences(of: "_", with: "-"))") }
        }
        return try config(from: ConfigReader(values: values))
    }

    private static func fileValues(_ file: (path: String, text: String)) throws(ConfigError) -> [String: String] {
        let loaded: Any?
        do {
            loaded = try Yams.load(yaml: file.text)
        } catch {
            throw ConfigError(setting: file.path, problem: "is not valid YAML: \(syntaxProblem(error))")
        }
        guard let loaded else { return [:] }
        guard let mapping = loaded as? [String: Any] else {
            throw ConfigError(setting: file.path, problem: "must be a list of \"setting: value\" lines")
        }
        var values: [String: String] = [:]
        for (name, value) in mapping {
            switch value {
            case let text as String: values[name] = text
            case let number as Int: values[name] = String(number)
            case let number as Double: values[name] = String(number)
            case let flag as Bool: values[name] = String(flag)
            default: throw ConfigError(setting: "\(file.path): \(name)", problem: "must be a single value")
            }
        }
        return values
    }

    /// Where the file's YAML goes wrong and what libyaml says of it, never the text of the line:
    /// that line may hold a secret.
    static func syntaxProblem(_ error: any Error) -> String {
        switch error as? YamlError {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            "\(problem) at line \(mark.line), column \(mark.column)"
        case .duplicatedKeysInMapping(let duplicates, let context):
            "a setting appears twice (\(duplicates.sorted().joined(separator: ", "))) "
                + "at line \(context.mark.line), column \(context.mark.column)"
        case .reader(let problem, _, _, _):
            "\(problem)"
        default:
            "the file cannot be read as YAML"
        }
    }

    /// The config the settings describe: the server's own, then each platform's section.
    private static func config(from reader: ConfigReader) throws(ConfigError) -> Config {
        var config = Config()
        if let host = try reader.string(.host) { config.host = host }
        if let port = try reader.integer(.port, in: 1...65535) { config.port = port }
        if let path = try reader.string(.database) { config.database = path }
        config.promptsDirectory = try reader.string(.prompts)
        if let bytes = try reader.integer(.maxBodyBytes, in: 1024...16_777_216) { config.maxBodyBytes = bytes }
        if let rate = try reader.integer(.rateLimitPerMinute, in: 1...100_000) { config.rateLimitPerMinute = rate }
        if let burst = try reader.integer(.rateLimitBurst, in: 1...100_000) { config.rateLimitBurst = burst }
        if let attempts = try reader.integer(.outboxMaxAttempts, in: 1...100) { config.outboxMaxAttempts = attempts }
        if let seconds = try reader.positiveNumber(.requestTimeoutSeconds, atMost: 3600) {
            config.requestTimeoutSeconds = seconds
        }
        if let count = try reader.integer(.newConversationsPerMinute, in: 1...1_000_000) {
            config.newConversationsPerMinute = count
        }
        if let count = try reader.integer(.newConversationsPerChannelPerMinute, in: 1...1_000_000) {
            config.newConversationsPerChannelPerMinute = count
        }
        if let zone = try reader.string(.timeZone) {
            guard TimeZone(identifier: zone) != nil else {
                throw ConfigError(
                    setting: reader.source(of: .timeZone),
                    problem: "\"\(zone)\" is not a time zone; use a name such as UTC, America/Chicago or Europe/Madrid")
            }
            config.timeZone = zone
        }
        if let behindProxy = try reader.boolean(.behindProxy) { config.behindProxy = behindProxy }
        if let text = try reader.string(.idleHours) {
            guard let hours = Double(text), hours > 0, hours.isFinite else {
                throw ConfigError(setting: reader.source(of: .idleHours), problem: "must be a number of hours above 0")
            }
            config.idleHours = hours
        }
        if let level = try reader.string(.logLevel) {
            guard Logger.Level(rawValue: level) != nil else {
                let known = Logger.Level.allCases.map(\.rawValue).joined(separator: ", ")
                throw ConfigError(setting: reader.source(of: .logLevel), problem: "must be one of \(known)")
            }
            config.logLevel = level
        }
        if let on = try reader.boolean(.webchat) { config.webchat = on }
        if let place = try reader.string(.walCheckpoint) {
            guard let checkpointing = WALCheckpointing(rawValue: place) else {
                throw ConfigError(setting: reader.source(of: .walCheckpoint), problem: "must be background or commit")
            }
            config.walCheckpoint = checkpointing
        }
        for platform in Platforms.all { try platform.read(into: &config, from: reader) }
        try readJoinSettings(into: &config, from: reader)
        return config
    }

    /// The settings workshop join instructions need: where people reach the server, the bot's
    /// username and the phone numbers.
    private static func readJoinSettings(into config: inout Config, from reader: ConfigReader) throws(ConfigError) {
        if let base = try reader.url(.publicBaseURL) {
            config.publicBaseURL = base.hasSuffix("/") ? String(base.dropLast()) : base
        }
        if let name = try reader.string(.telegramBotUsername) {
            let bare = name.hasPrefix("@") ? String(name.dropFirst()) : name
            guard (5...32).contains(bare.count), bare.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") })
            else {
                throw ConfigError(
                    setting: reader.source(of: .telegramBotUsername),
                    problem: "must be the bot's username: 5 to 32 letters, digits or _, like flowlinks_bot")
            }
            config.telegramBotUsername = bare
        }
        config.whatsappNumber = try reader.phoneNumber(.whatsappNumber)
        config.smsNumber = try reader.phoneNumber(.smsNumber)
    }
}

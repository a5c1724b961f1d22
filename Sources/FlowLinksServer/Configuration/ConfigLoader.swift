import Foundation
import Logging
import Yams

/// A setting that stops start-up, named the way the person set it (flag, variable or file key).
public struct ConfigError: Error, Equatable, CustomStringConvertible, Sendable {
    public let setting: String
    public let problem: String

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
        var reader = Reader(values: values)
        return try reader.config()
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

    /// Reads and checks each setting, naming it in any error; secret values never appear in one.
    private struct Reader {
        let values: [ConfigKey: (value: String, source: String)]

        func string(_ key: ConfigKey) throws(ConfigError) -> String? {
            guard let (value, source) = values[key] else { return nil }
            guard !value.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw ConfigError(setting: source, problem: "must not be empty")
            }
            return value
        }

        func integer(_ key: ConfigKey, in range: ClosedRange<Int>) throws(ConfigError) -> Int? {
            guard let text = try string(key) else { return nil }
            guard let number = Int(text), range.contains(number) else {
                throw ConfigError(
                    setting: values[key]!.source,
                    problem: "must be a whole number from \(range.lowerBound) to \(range.upperBound), not \"\(text)\"")
            }
            return number
        }

        func boolean(_ key: ConfigKey) throws(ConfigError) -> Bool? {
            guard let text = try string(key) else { return nil }
            switch text.lowercased() {
            case "true": return true
            case "false": return false
            default: throw ConfigError(setting: values[key]!.source, problem: "must be true or false, not \"\(text)\"")
            }
        }

        func url(_ key: ConfigKey) throws(ConfigError) -> String? {
            guard let text = try string(key) else { return nil }
            guard let url = URL(string: text), ["http", "https"].contains(url.scheme ?? ""), url.host != nil else {
                throw ConfigError(setting: values[key]!.source, problem: "must be an http or https URL, not \"\(text)\"")
            }
            return text
        }

        func requireTogether(_ first: ConfigKey, _ second: ConfigKey) throws(ConfigError) {
            let firstSet = values[first] != nil
            let secondSet = values[second] != nil
            guard firstSet != secondSet else { return }
            let (missing, present) = firstSet ? (second, first) : (first, second)
            throw ConfigError(
                setting: missing.environmentVariable, problem: "is required when \(present.rawValue) is set")
        }

        mutating func config() throws(ConfigError) -> Config {
            var config = Config()
            if let host = try string(.host) { config.host = host }
            if let port = try integer(.port, in: 1...65535) { config.port = port }
            if let path = try string(.database) { config.databasePath = path }
            config.promptsDirectory = try string(.prompts)
            if let bytes = try integer(.maxBodyBytes, in: 1024...16_777_216) { config.maxBodyBytes = bytes }
            if let rate = try integer(.rateLimitPerMinute, in: 1...100_000) { config.rateLimitPerMinute = rate }
            if let burst = try integer(.rateLimitBurst, in: 1...100_000) { config.rateLimitBurst = burst }
            if let attempts = try integer(.outboxMaxAttempts, in: 1...100) { config.outboxMaxAttempts = attempts }
            if let seconds = try positiveNumber(.requestTimeoutSeconds, atMost: 3600) { config.requestTimeoutSeconds = seconds }
            if let count = try integer(.newConversationsPerMinute, in: 1...1_000_000) {
                config.newConversationsPerMinute = count
            }
            if let count = try integer(.newConversationsPerChannelPerMinute, in: 1...1_000_000) {
                config.newConversationsPerChannelPerMinute = count
            }
            if let zone = try string(.timeZone) {
                guard TimeZone(identifier: zone) != nil else {
                    throw ConfigError(
                        setting: values[.timeZone]!.source,
                        problem: "\"\(zone)\" is not a time zone; use a name such as UTC, America/Chicago or Europe/Madrid")
                }
                config.timeZone = zone
            }
            if let behindProxy = try boolean(.behindProxy) { config.behindProxy = behindProxy }
            if let text = try string(.idleHours) {
                guard let hours = Double(text), hours > 0, hours.isFinite else {
                    throw ConfigError(setting: values[.idleHours]!.source, problem: "must be a number of hours above 0")
                }
                config.idleHours = hours
            }
            if let level = try string(.logLevel) {
                guard Logger.Level(rawValue: level) != nil else {
                    let known = Logger.Level.allCases.map(\.rawValue).joined(separator: ", ")
                    throw ConfigError(setting: values[.logLevel]!.source, problem: "must be one of \(known)")
                }
                config.logLevel = level
            }
            if let on = try boolean(.webchat) { config.webchat = on }
            config.genericToken = try inventedSecret(.genericToken)
            config.telegramSecretToken = try inventedSecret(.telegramSecretToken)
            if let secret = config.telegramSecretToken, !Self.isTelegramSecret(secret) {
                throw ConfigError(
                    setting: values[.telegramSecretToken]!.source,
                    problem: "must be 1 to 256 characters of A-Z, a-z, 0-9, _ and - (Telegram's rule)")
            }
            config.telegramBotToken = try string(.telegramBotToken)
            if let base = try url(.telegramAPIBaseURL) { config.telegramAPIBaseURL = base }
            config.twilioAuthToken = try string(.twilioAuthToken)
            config.twilioPublicURL = try url(.twilioPublicURL)
            config.mattermostToken = try string(.mattermostToken)
            config.slackSigningSecret = try string(.slackSigningSecret)
            config.slackBotToken = try string(.slackBotToken)
            if let base = try url(.slackAPIBaseURL) { config.slackAPIBaseURL = base }
            config.whatsappAppSecret = try string(.whatsappAppSecret)
            config.whatsappVerifyToken = try string(.whatsappVerifyToken)
            config.whatsappAccessToken = try string(.whatsappAccessToken)
            if let base = try url(.whatsappAPIBaseURL) { config.whatsappAPIBaseURL = base }
            config.discordPublicKey = try string(.discordPublicKey)
            if let key = config.discordPublicKey, !Self.isEd25519PublicKey(key) {
                throw ConfigError(
                    setting: values[.discordPublicKey]!.source,
                    problem: "must be the 64 hexadecimal characters shown as PUBLIC KEY in Discord's developer portal")
            }
            if let base = try url(.discordAPIBaseURL) { config.discordAPIBaseURL = base }
            try readJoinSettings(into: &config)
            try requireTogether(.telegramSecretToken, .telegramBotToken)
            try requireTogether(.twilioAuthToken, .twilioPublicURL)
            try requireTogether(.slackSigningSecret, .slackBotToken)
            try requireTogether(.whatsappAppSecret, .whatsappVerifyToken)
            try requireTogether(.whatsappAppSecret, .whatsappAccessToken)
            return config
        }

        /// The settings workshop join instructions need: where people reach the server, the bot's
        /// username and the phone numbers.
        func readJoinSettings(into config: inout Config) throws(ConfigError) {
            if let base = try url(.publicBaseURL) {
                config.publicBaseURL = base.hasSuffix("/") ? String(base.dropLast()) : base
            }
            if let name = try string(.telegramBotUsername) {
                let bare = name.hasPrefix("@") ? String(name.dropFirst()) : name
                guard (5...32).contains(bare.count), bare.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") })
                else {
                    throw ConfigError(
                        setting: values[.telegramBotUsername]!.source,
                        problem: "must be the bot's username: 5 to 32 letters, digits or _, like flowlinks_bot")
                }
                config.telegramBotUsername = bare
            }
            config.whatsappNumber = try phoneNumber(.whatsappNumber)
            config.smsNumber = try phoneNumber(.smsNumber)
        }

        /// A phone number in international form: "+" and 8 to 15 digits; spaces and dashes are dropped.
        func phoneNumber(_ key: ConfigKey) throws(ConfigError) -> String? {
            guard let text = try string(key) else { return nil }
            let compact = text.filter { $0 != " " && $0 != "-" }
            guard compact.hasPrefix("+"), (8...15).contains(compact.count - 1), compact.dropFirst().allSatisfy(\.isNumber) else {
                throw ConfigError(
                    setting: values[key]!.source, problem: "must be a phone number in international form, like +15551234567")
            }
            return compact
        }

        func positiveNumber(_ key: ConfigKey, atMost limit: Double) throws(ConfigError) -> Double? {
            guard let text = try string(key) else { return nil }
            guard let number = Double(text), number > 0, number <= limit else {
                throw ConfigError(
                    setting: values[key]!.source, problem: "must be a number above 0 and at most \(Int(limit)), not \"\(text)\"")
            }
            return number
        }

        /// A secret the operator makes up (not one a platform issues): long enough not to be guessed.
        func inventedSecret(_ key: ConfigKey) throws(ConfigError) -> String? {
            guard let secret = try string(key) else { return nil }
            guard secret.count >= ConfigLoader.minimumInventedSecretLength else {
                throw ConfigError(
                    setting: values[key]!.source,
                    problem: "must be at least \(ConfigLoader.minimumInventedSecretLength) characters; "
                        + "make a random one with: openssl rand -hex 32")
            }
            return secret
        }

        static func isEd25519PublicKey(_ text: String) -> Bool {
            text.count == 64 && text.allSatisfy(\.isHexDigit)
        }

        static func isTelegramSecret(_ text: String) -> Bool {
            (1...256).contains(text.count)
                && text.unicodeScalars.allSatisfy {
                    $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "_" || $0 == "-")
                }
        }
    }
}

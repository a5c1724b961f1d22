import FlowLinksChannels

/// Discord interactions: Ed25519-signed requests; long replies' follow-ups through the API.
public enum DiscordPlatform: Platform {
    public typealias Settings = DiscordSettings
    public static let name = "discord"

    public static func wire(_ config: Config, into wiring: inout PlatformWiring) {
        guard let settings = config.discord else { return }
        wiring.add(DiscordChannel(publicKey: settings.publicKey, plainText: wiring.plainText, now: wiring.now))
        wiring.add(DiscordSender(client: wiring.client, baseURL: settings.apiBaseURL), for: name)
    }
}

/// Discord's settings: the application's public key, the API's address.
public struct DiscordSettings: PlatformSettings {
    public var publicKey: String
    public var apiBaseURL: String

    public static let defaultAPIBaseURL = "https://discord.com/api/v10"

    public init(publicKey: String, apiBaseURL: String = Self.defaultAPIBaseURL) {
        self.publicKey = publicKey
        self.apiBaseURL = apiBaseURL
    }

    public static let keys: [ConfigKey] = [.discordPublicKey, .discordAPIBaseURL]

    public static func read(from reader: ConfigReader) throws(ConfigError) -> DiscordSettings? {
        let key = try reader.string(.discordPublicKey)
        if let key, !(key.count == 64 && key.allSatisfy(\.isHexDigit)) {
            throw ConfigError(
                setting: reader.source(of: .discordPublicKey),
                problem: "must be the 64 hexadecimal characters shown as PUBLIC KEY in Discord's developer portal")
        }
        let base = try reader.url(.discordAPIBaseURL) ?? defaultAPIBaseURL
        return key.map { DiscordSettings(publicKey: $0, apiBaseURL: base) }
    }

    public func displayValue(of key: ConfigKey) -> String { key == .discordAPIBaseURL ? apiBaseURL : publicKey }
}

extension Config {
    /// Discord's section; `nil` while its public key is not set.
    public var discord: DiscordSettings? {
        get { platforms[DiscordSettings.self] }
        set { platforms[DiscordSettings.self] = newValue }
    }
}

extension ConfigKey {
    public static let discordPublicKey = ConfigKey(
        "discord_public_key", help: "Discord application's public key, hex (turns the interactions endpoint on)")
    public static let discordAPIBaseURL = ConfigKey(
        "discord_api_base_url", help: "Discord API base URL, for long replies' follow-ups (default https://discord.com/api/v10)",
        unsetDisplay: DiscordSettings.defaultAPIBaseURL)
}

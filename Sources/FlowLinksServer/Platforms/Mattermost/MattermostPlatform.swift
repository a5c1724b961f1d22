import FlowLinksChannels

/// Mattermost outgoing webhooks: a token in the form, answered in the webhook response.
public enum MattermostPlatform: Platform {
    public typealias Settings = MattermostSettings
    public static let name = "mattermost"

    public static func wire(_ config: Config, into wiring: inout PlatformWiring) {
        guard let settings = config.mattermost else { return }
        wiring.add(MattermostChannel(token: settings.token, plainText: wiring.plainText))
    }
}

/// Mattermost's settings: the outgoing webhook's token.
public struct MattermostSettings: PlatformSettings {
    public var token: String

    public init(token: String) { self.token = token }

    public static let keys: [ConfigKey] = [.mattermostToken]

    public static func read(from reader: ConfigReader) throws(ConfigError) -> MattermostSettings? {
        try reader.string(.mattermostToken).map(MattermostSettings.init(token:))
    }

    public func displayValue(of key: ConfigKey) -> String { "set" }
}

extension Config {
    /// Mattermost's section; `nil` while its token is not set.
    public var mattermost: MattermostSettings? {
        get { platforms[MattermostSettings.self] }
        set { platforms[MattermostSettings.self] = newValue }
    }
}

extension ConfigKey {
    public static let mattermostToken = ConfigKey(
        "mattermost_token", help: "token of the Mattermost outgoing webhook (turns it on)", secret: true)
}

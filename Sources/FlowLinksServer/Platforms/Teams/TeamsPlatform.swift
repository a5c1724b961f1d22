import FlowLinksChannels

/// Microsoft Teams through the Bot Framework: activities with a signed bearer token at
/// `/webhooks/teams`, replies through the Bot Connector from the outbox.
public enum TeamsPlatform: Platform {
    public typealias Settings = TeamsSettings
    public static let name = "teams"

    public static func wire(_ config: Config, into wiring: inout PlatformWiring) {
        guard let settings = config.teams else { return }
        let fetcher = TeamsSigningKeyFetcher(
            http: PlatformHTTP(client: wiring.client), metadataURL: settings.openIDMetadataURL)
        let verifier = TeamsTokenVerifier(appID: settings.appID, source: fetcher, now: wiring.now)
        wiring.add(TeamsChannel(verifier: verifier, plainText: wiring.plainText))
        wiring.add(
            TeamsSender(
                client: wiring.client, tokenURL: settings.tokenURL, appID: settings.appID,
                appPassword: settings.appPassword, now: wiring.now),
            for: name)
    }
}

/// Teams' settings: the Azure Bot's app id and password (client secret), where the Bot
/// Connector's signing keys are published, and the token endpoint replies are authorized by.
public struct TeamsSettings: PlatformSettings {
    public var appID: String
    public var appPassword: String
    public var openIDMetadataURL: String
    public var tokenURL: String

    public static let defaultOpenIDMetadataURL = "https://login.botframework.com/v1/.well-known/openidconfiguration"
    public static let defaultTokenURL = "https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token"

    public init(
        appID: String, appPassword: String, openIDMetadataURL: String = Self.defaultOpenIDMetadataURL,
        tokenURL: String = Self.defaultTokenURL
    ) {
        self.appID = appID
        self.appPassword = appPassword
        self.openIDMetadataURL = openIDMetadataURL
        self.tokenURL = tokenURL
    }

    public static let keys: [ConfigKey] = [.teamsAppID, .teamsAppPassword, .teamsOpenIDMetadataURL, .teamsTokenURL]

    public static func read(from reader: ConfigReader) throws(ConfigError) -> TeamsSettings? {
        let appID = try reader.string(.teamsAppID)
        let password = try reader.string(.teamsAppPassword)
        let metadata = try reader.url(.teamsOpenIDMetadataURL) ?? defaultOpenIDMetadataURL
        let token = try reader.url(.teamsTokenURL) ?? defaultTokenURL
        try reader.requireTogether(.teamsAppID, .teamsAppPassword)
        guard let appID, let password else { return nil }
        return TeamsSettings(appID: appID, appPassword: password, openIDMetadataURL: metadata, tokenURL: token)
    }

    public func displayValue(of key: ConfigKey) -> String {
        switch key {
        case .teamsAppID: appID
        case .teamsOpenIDMetadataURL: openIDMetadataURL
        case .teamsTokenURL: tokenURL
        default: "set"
        }
    }
}

extension Config {
    /// Teams' section; `nil` until its app id and password are set.
    public var teams: TeamsSettings? {
        get { platforms[TeamsSettings.self] }
        set { platforms[TeamsSettings.self] = newValue }
    }
}

extension ConfigKey {
    public static let teamsAppID = ConfigKey(
        "teams_app_id", help: "Azure Bot's Microsoft app id: the audience of Teams' tokens (with the password, turns Teams on)")
    public static let teamsAppPassword = ConfigKey(
        "teams_app_password", help: "Azure Bot's client secret, for the tokens replies are sent with", secret: true)
    public static let teamsOpenIDMetadataURL = ConfigKey(
        "teams_openid_metadata_url",
        help: "Bot Connector's OpenID metadata, where its signing keys are listed (default Microsoft's)",
        unsetDisplay: TeamsSettings.defaultOpenIDMetadataURL)
    public static let teamsTokenURL = ConfigKey(
        "teams_token_url", help: "token endpoint for the bot's replies (default the Microsoft identity platform's)",
        unsetDisplay: TeamsSettings.defaultTokenURL)
}

import FlowLinksChannels

/// Slack apps: signed events, interactions and slash commands; replies through the Web API.
public enum SlackPlatform: Platform {
    public typealias Settings = SlackSettings
    public static let name = "slack"

    public static func wire(_ config: Config, into wiring: inout PlatformWiring) {
        guard let settings = config.slack else { return }
        wiring.add(SlackChannel(signingSecret: settings.signingSecret, plainText: wiring.plainText, now: wiring.now))
        wiring.add(SlackSender(client: wiring.client, baseURL: settings.apiBaseURL, botToken: settings.botToken), for: name)
    }
}

/// Slack's settings: the signing secret, the bot token, the Web API's address.
public struct SlackSettings: PlatformSettings {
    public var signingSecret: String
    public var botToken: String
    public var apiBaseURL: String

    public static let defaultAPIBaseURL = "https://slack.com/api"

    public init(signingSecret: String, botToken: String, apiBaseURL: String = Self.defaultAPIBaseURL) {
        self.signingSecret = signingSecret
        self.botToken = botToken
        self.apiBaseURL = apiBaseURL
    }

    public static let keys: [ConfigKey] = [.slackSigningSecret, .slackBotToken, .slackAPIBaseURL]

    public static func read(from reader: ConfigReader) throws(ConfigError) -> SlackSettings? {
        let secret = try reader.string(.slackSigningSecret)
        let botToken = try reader.string(.slackBotToken)
        let base = try reader.url(.slackAPIBaseURL) ?? defaultAPIBaseURL
        try reader.requireTogether(.slackSigningSecret, .slackBotToken)
        guard let secret, let botToken else { return nil }
        return SlackSettings(signingSecret: secret, botToken: botToken, apiBaseURL: base)
    }

    public func displayValue(of key: ConfigKey) -> String { key == .slackAPIBaseURL ? apiBaseURL : "set" }
}

extension Config {
    /// Slack's section; `nil` while its signing secret is not set.
    public var slack: SlackSettings? {
        get { platforms[SlackSettings.self] }
        set { platforms[SlackSettings.self] = newValue }
    }
}

extension ConfigKey {
    public static let slackSigningSecret = ConfigKey(
        "slack_signing_secret", help: "Slack app's signing secret, for X-Slack-Signature (turns Slack on)", secret: true)
    public static let slackBotToken = ConfigKey(
        "slack_bot_token", help: "Slack bot token (xoxb-…), for replies sent with chat.postMessage", secret: true)
    public static let slackAPIBaseURL = ConfigKey(
        "slack_api_base_url", help: "Slack Web API base URL (default https://slack.com/api)",
        unsetDisplay: SlackSettings.defaultAPIBaseURL)
}

import FlowLinksChannels
import Foundation

/// Telegram bots: updates by webhook with a secret-token header, replies through the Bot API.
public enum TelegramPlatform: Platform {
    public typealias Settings = TelegramSettings
    public static let name = "telegram"

    public static func wire(_ config: Config, into wiring: inout PlatformWiring) {
        guard let settings = config.telegram else { return }
        wiring.add(TelegramChannel(secretToken: settings.secretToken, plainText: wiring.plainText))
        wiring.add(
            TelegramSender(client: wiring.client, baseURL: settings.apiBaseURL, botToken: settings.botToken), for: name)
    }
}

/// Telegram's settings: the webhook's secret token, the bot token, the Bot API's address.
public struct TelegramSettings: PlatformSettings {
    public var secretToken: String
    public var botToken: String
    public var apiBaseURL: String

    public static let defaultAPIBaseURL = "https://api.telegram.org"

    public init(secretToken: String, botToken: String, apiBaseURL: String = Self.defaultAPIBaseURL) {
        self.secretToken = secretToken
        self.botToken = botToken
        self.apiBaseURL = apiBaseURL
    }

    public static let keys: [ConfigKey] = [.telegramSecretToken, .telegramBotToken, .telegramAPIBaseURL]

    public static func read(from reader: ConfigReader) throws(ConfigError) -> TelegramSettings? {
        let secret = try reader.inventedSecret(.telegramSecretToken)
        if let secret, !isTelegramSecret(secret) {
            throw ConfigError(
                setting: reader.source(of: .telegramSecretToken),
                problem: "must be 1 to 256 characters of A-Z, a-z, 0-9, _ and - (Telegram's rule)")
        }
        let botToken = try reader.string(.telegramBotToken)
        let base = try reader.url(.telegramAPIBaseURL) ?? defaultAPIBaseURL
        try reader.requireTogether(.telegramSecretToken, .telegramBotToken)
        guard let secret, let botToken else { return nil }
        return TelegramSettings(secretToken: secret, botToken: botToken, apiBaseURL: base)
    }

    public func displayValue(of key: ConfigKey) -> String {
        key == .telegramAPIBaseURL ? apiBaseURL : "set"
    }

    static func isTelegramSecret(_ text: String) -> Bool {
        (1...256).contains(text.count)
            && text.unicodeScalars.allSatisfy {
                $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "_" || $0 == "-")
            }
    }
}

extension Config {
    /// Telegram's section; `nil` while its secret token is not set.
    public var telegram: TelegramSettings? {
        get { platforms[TelegramSettings.self] }
        set { platforms[TelegramSettings.self] = newValue }
    }
}

extension ConfigKey {
    public static let telegramSecretToken = ConfigKey(
        "telegram_secret_token", help: "secret Telegram sends in X-Telegram-Bot-Api-Secret-Token (turns it on)",
        secret: true)
    public static let telegramBotToken = ConfigKey(
        "telegram_bot_token", help: "bot token from BotFather, for replies sent through the Bot API", secret: true)
    public static let telegramAPIBaseURL = ConfigKey(
        "telegram_api_base_url", help: "Telegram Bot API base URL (default https://api.telegram.org)",
        unsetDisplay: TelegramSettings.defaultAPIBaseURL)
}

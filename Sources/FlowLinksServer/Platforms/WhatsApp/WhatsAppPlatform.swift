import FlowLinksChannels

/// The WhatsApp Cloud API: signed notifications, a subscription check, replies through the Graph API.
public enum WhatsAppPlatform: Platform {
    public typealias Settings = WhatsAppSettings
    public static let name = "whatsapp"

    public static func wire(_ config: Config, into wiring: inout PlatformWiring) {
        guard let settings = config.whatsapp else { return }
        let listButton = wiring.script.language.message(.chooseButton).render()
        wiring.add(
            WhatsAppChannel(
                appSecret: settings.appSecret, verifyToken: settings.verifyToken, plainText: wiring.plainText,
                listButton: listButton))
        wiring.add(
            WhatsAppSender(client: wiring.client, baseURL: settings.apiBaseURL, accessToken: settings.accessToken),
            for: name)
    }
}

/// WhatsApp Cloud API settings: the app secret, the verify token, the access token, the Graph API's address.
public struct WhatsAppSettings: PlatformSettings {
    public var appSecret: String
    public var verifyToken: String
    public var accessToken: String
    public var apiBaseURL: String

    public static let defaultAPIBaseURL = "https://graph.facebook.com/v21.0"

    public init(appSecret: String, verifyToken: String, accessToken: String, apiBaseURL: String = Self.defaultAPIBaseURL) {
        self.appSecret = appSecret
        self.verifyToken = verifyToken
        self.accessToken = accessToken
        self.apiBaseURL = apiBaseURL
    }

    public static let keys: [ConfigKey] = [
        .whatsappAppSecret, .whatsappVerifyToken, .whatsappAccessToken, .whatsappAPIBaseURL,
    ]

    public static func read(from reader: ConfigReader) throws(ConfigError) -> WhatsAppSettings? {
        let secret = try reader.string(.whatsappAppSecret)
        let verifyToken = try reader.string(.whatsappVerifyToken)
        let accessToken = try reader.string(.whatsappAccessToken)
        let base = try reader.url(.whatsappAPIBaseURL) ?? defaultAPIBaseURL
        try reader.requireTogether(.whatsappAppSecret, .whatsappVerifyToken)
        try reader.requireTogether(.whatsappAppSecret, .whatsappAccessToken)
        guard let secret, let verifyToken, let accessToken else { return nil }
        return WhatsAppSettings(appSecret: secret, verifyToken: verifyToken, accessToken: accessToken, apiBaseURL: base)
    }

    public func displayValue(of key: ConfigKey) -> String { key == .whatsappAPIBaseURL ? apiBaseURL : "set" }
}

extension Config {
    /// The WhatsApp Cloud API's section; `nil` while its app secret is not set.
    public var whatsapp: WhatsAppSettings? {
        get { platforms[WhatsAppSettings.self] }
        set { platforms[WhatsAppSettings.self] = newValue }
    }
}

extension ConfigKey {
    public static let whatsappAppSecret = ConfigKey(
        "whatsapp_app_secret", help: "Meta app secret, for X-Hub-Signature-256 (turns WhatsApp Cloud API on)",
        secret: true)
    public static let whatsappVerifyToken = ConfigKey(
        "whatsapp_verify_token", help: "the verify token you type into Meta's webhook settings", secret: true)
    public static let whatsappAccessToken = ConfigKey(
        "whatsapp_access_token", help: "WhatsApp Cloud API access token, for replies sent through the Graph API",
        secret: true)
    public static let whatsappAPIBaseURL = ConfigKey(
        "whatsapp_api_base_url", help: "Graph API base URL with its version (default https://graph.facebook.com/v21.0)",
        unsetDisplay: WhatsAppSettings.defaultAPIBaseURL)
}

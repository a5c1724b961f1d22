import FlowLinksChannels

/// Twilio SMS and WhatsApp: signed form posts, answered with TwiML in the webhook response.
public enum TwilioPlatform: Platform {
    public typealias Settings = TwilioSettings
    public static let name = "twilio"

    public static func wire(_ config: Config, into wiring: inout PlatformWiring) {
        guard let settings = config.twilio else { return }
        wiring.add(TwilioChannel(authToken: settings.authToken, publicURL: settings.publicURL, plainText: wiring.plainText))
    }
}

/// Twilio's settings: the auth token that signs requests, and the URL Twilio posts to.
public struct TwilioSettings: PlatformSettings {
    public var authToken: String
    public var publicURL: String

    public init(authToken: String, publicURL: String) {
        self.authToken = authToken
        self.publicURL = publicURL
    }

    public static let keys: [ConfigKey] = [.twilioAuthToken, .twilioPublicURL]

    public static func read(from reader: ConfigReader) throws(ConfigError) -> TwilioSettings? {
        let token = try reader.string(.twilioAuthToken)
        let url = try reader.url(.twilioPublicURL)
        try reader.requireTogether(.twilioAuthToken, .twilioPublicURL)
        guard let token, let url else { return nil }
        return TwilioSettings(authToken: token, publicURL: url)
    }

    public func displayValue(of key: ConfigKey) -> String { key == .twilioPublicURL ? publicURL : "set" }
}

extension Config {
    /// Twilio's section; `nil` while its auth token is not set.
    public var twilio: TwilioSettings? {
        get { platforms[TwilioSettings.self] }
        set { platforms[TwilioSettings.self] = newValue }
    }
}

extension ConfigKey {
    public static let twilioAuthToken = ConfigKey(
        "twilio_auth_token", help: "auth token that signs X-Twilio-Signature (turns SMS/WhatsApp on)", secret: true)
    public static let twilioPublicURL = ConfigKey(
        "twilio_public_url", help: "the public URL Twilio posts to, exactly as set in Twilio")
}

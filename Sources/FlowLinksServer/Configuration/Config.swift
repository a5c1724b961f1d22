import Foundation

/// Everything the server needs to know, built once at start-up from flags, environment and an
/// optional file (see `ConfigLoader`). Tests build one in code.
public struct Config: Sendable, Equatable {
    public var host = "127.0.0.1"
    public var port = 8080
    public var databasePath = "./flowlinks.sqlite"
    /// The `Prompts/` folder; `nil` finds the default one.
    public var promptsDirectory: String?
    /// Largest request body accepted, in bytes.
    public var maxBodyBytes = 64 * 1024
    /// Messages a conversation may send per minute, and how many may come at once.
    public var rateLimitPerMinute = 30
    public var rateLimitBurst = 10
    public var idleHours = 24.0
    public var logLevel = "info"
    public var outboxMaxAttempts = 8
    /// How long a connection may sit idle, or stall while sending a request, before it is closed.
    public var requestTimeoutSeconds = 30.0
    /// New conversations one client address may start per minute (and at once).
    public var newConversationsPerMinute = 60
    /// New conversations one channel may start per minute (and at once), all clients together.
    public var newConversationsPerChannelPerMinute = 600
    /// The IANA time zone facilitators see times in and give days in.
    public var timeZone = "UTC"
    /// A reverse proxy forwards every request and writes the client's address last in
    /// `X-Forwarded-For`; the limits on failed facilitator sign-ins then count by that address.
    public var behindProxy = false

    /// The web chat at `/chat`: on unless turned off.
    public var webchat = true
    public var genericToken: String?
    public var telegramSecretToken: String?
    public var telegramBotToken: String?
    public var telegramAPIBaseURL = "https://api.telegram.org"
    public var twilioAuthToken: String?
    public var twilioPublicURL: String?
    public var mattermostToken: String?
    public var slackSigningSecret: String?
    public var slackBotToken: String?
    public var slackAPIBaseURL = "https://slack.com/api"
    public var whatsappAppSecret: String?
    public var whatsappVerifyToken: String?
    public var whatsappAccessToken: String?
    public var whatsappAPIBaseURL = "https://graph.facebook.com/v21.0"
    public var discordPublicKey: String?
    public var discordAPIBaseURL = "https://discord.com/api/v10"
    /// Where people reach the server, for links in workshop join instructions.
    public var publicBaseURL: String?
    /// For join instructions: the Telegram bot's username, the WhatsApp and SMS numbers.
    public var telegramBotUsername: String?
    public var whatsappNumber: String?
    public var smsNumber: String?

    public init() {}

    /// Whether the server listens only on this machine.
    public var isLoopback: Bool { ["127.0.0.1", "::1", "localhost"].contains(host) }

    /// The channels that will accept requests: each needs its secret, and the generic one without
    /// a token only on loopback.
    public var enabledChannels: [String] {
        var names: [String] = []
        if webchat { names.append("webchat") }
        if genericToken != nil || isLoopback { names.append("generic") }
        if telegramSecretToken != nil { names.append("telegram") }
        if twilioAuthToken != nil { names.append("twilio") }
        if mattermostToken != nil { names.append("mattermost") }
        if slackSigningSecret != nil { names.append("slack") }
        if whatsappAppSecret != nil { names.append("whatsapp") }
        if discordPublicKey != nil { names.append("discord") }
        return names
    }
}

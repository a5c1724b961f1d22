import FlowLinksStore
import Foundation

/// Everything the server needs to know, built once at start-up from flags, environment and an
/// optional file (see `ConfigLoader`). Tests build one in code.
public struct Config: Sendable, Equatable {
    public var host = "127.0.0.1"
    public var port = 8080
    public var database = "./flowlinks.sqlite"
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
    /// Where SQLite's write-ahead log is copied back into the database file (PostgreSQL: unused).
    public var walCheckpoint = WALCheckpointing.background

    /// The web chat at `/chat`: on unless turned off.
    public var webchat = true
    /// Each platform's settings section, set when the platform is set up (see `Platforms`).
    public var platforms = PlatformSections()
    /// Where people reach the server, for links in workshop join instructions.
    public var publicBaseURL: String?
    /// For join instructions: the Telegram bot's username, the WhatsApp and SMS numbers.
    public var telegramBotUsername: String?
    public var whatsappNumber: String?
    public var smsNumber: String?

    public init() {}

    /// Whether the server listens only on this machine.
    public var isLoopback: Bool { ["127.0.0.1", "::1", "localhost"].contains(host) }

    /// The channels that will accept requests: the web chat unless turned off, then each platform
    /// whose settings are set (and the generic one without a token only on loopback).
    public var enabledChannels: [String] {
        (webchat ? ["webchat"] : []) + Platforms.all.filter { $0.isEnabled(in: self) }.map { $0.name }
    }
}

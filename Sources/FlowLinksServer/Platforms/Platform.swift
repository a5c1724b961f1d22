import AsyncHTTPClient
import FlowLinksChannels
import FlowLinksCore
import Foundation

/// A chat platform as the server sees it: its settings section of `Config`, and one function that
/// wires its channel (and its sender, when it replies through an API) into the application.
/// A new platform is a folder with these and one line in `Platforms.all`.
public protocol Platform: Sendable {
    associatedtype Settings: PlatformSettings
    /// Its channel's name, as in `/webhooks/{name}` and stored with its sessions.
    static var name: String { get }
    /// Whether its channel takes requests with this config; by default, when its section is set.
    static func isEnabled(in config: Config) -> Bool
    /// Adds its channel, and its sender when it replies through an API.
    static func wire(_ config: Config, into wiring: inout PlatformWiring)
}

extension Platform {
    public static func isEnabled(in config: Config) -> Bool { config.platforms[Settings.self] != nil }

    /// Its settings, in the order `--help` and `config check` list them.
    static var keys: [ConfigKey] { Settings.keys }

    /// Reads its section into the config.
    static func read(into config: inout Config, from reader: ConfigReader) throws(ConfigError) {
        config.platforms[Settings.self] = try Settings.read(from: reader)
    }

    /// What `config check` shows for the key, when it is one of this platform's.
    static func displayValue(of key: ConfigKey, in config: Config) -> String? {
        guard Settings.keys.contains(key) else { return nil }
        return config.platforms[Settings.self]?.displayValue(of: key) ?? key.unsetDisplay
    }
}

/// What platforms are wired with, and what they add: channels that take webhooks and senders
/// that make their queued API calls.
public struct PlatformWiring: Sendable {
    public let script: Script
    public let plainText: PlainText
    public let now: @Sendable () -> Date
    public let client: HTTPClient
    public private(set) var channels: [any Channel] = []
    public private(set) var senders: [String: any PlatformSender] = [:]

    public init(script: Script, now: @escaping @Sendable () -> Date, client: HTTPClient = .shared) {
        self.script = script
        self.plainText = PlainText(script: script)
        self.now = now
        self.client = client
    }

    /// Takes the channel's webhooks at `/webhooks/{name}`.
    public mutating func add(_ channel: any Channel) { channels.append(channel) }

    /// Makes the channel's queued API calls.
    public mutating func add(_ sender: any PlatformSender, for channel: String) { senders[channel] = sender }

    /// Every enabled platform, wired in the order of `Platforms.all`.
    static func wired(_ config: Config, script: Script, now: @escaping @Sendable () -> Date) -> PlatformWiring {
        var wiring = PlatformWiring(script: script, now: now)
        for platform in Platforms.all where platform.isEnabled(in: config) { platform.wire(config, into: &wiring) }
        return wiring
    }
}

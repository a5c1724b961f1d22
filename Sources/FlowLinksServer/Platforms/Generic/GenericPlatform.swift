import FlowLinksChannels

/// The generic JSON webhook: on with a bearer token, or without one on a server that listens only
/// on this machine.
public enum GenericPlatform: Platform {
    public typealias Settings = GenericSettings
    public static let name = "generic"

    public static func isEnabled(in config: Config) -> Bool { config.generic != nil || config.isLoopback }

    public static func wire(_ config: Config, into wiring: inout PlatformWiring) {
        wiring.add(GenericChannel(token: config.generic?.token))
    }
}

/// The generic webhook's settings: its bearer token.
public struct GenericSettings: PlatformSettings {
    public var token: String

    public init(token: String) { self.token = token }

    public static let keys: [ConfigKey] = [.genericToken]

    public static func read(from reader: ConfigReader) throws(ConfigError) -> GenericSettings? {
        try reader.inventedSecret(.genericToken).map(GenericSettings.init(token:))
    }

    public func displayValue(of key: ConfigKey) -> String { "set" }
}

extension Config {
    /// The generic webhook's section; `nil` without a token.
    public var generic: GenericSettings? {
        get { platforms[GenericSettings.self] }
        set { platforms[GenericSettings.self] = newValue }
    }
}

extension ConfigKey {
    public static let genericToken = ConfigKey(
        "generic_token", help: "bearer token of the generic channel (without it: loopback only)", secret: true)
}

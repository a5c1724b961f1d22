/// A configuration setting: its name in the config file, its environment variable, and what it means.
/// The server's own settings are listed here; each platform declares its own beside its settings.
public struct ConfigKey: Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String
    public let help: String
    /// Secrets are never printed, logged or echoed in an error.
    public let isSecret: Bool
    /// What `config check` shows when the setting is not set: "not set", or the default in use.
    public let unsetDisplay: String

    public init(_ name: String, help: String, secret: Bool = false, unsetDisplay: String = "not set") {
        self.rawValue = name
        self.help = help
        self.isSecret = secret
        self.unsetDisplay = unsetDisplay
    }

    /// The setting of that name, if there is one.
    public init?(rawValue: String) {
        guard let key = Self.allCases.first(where: { $0.rawValue == rawValue }) else { return nil }
        self = key
    }

    /// Every setting: the server's, then each platform's, then those of workshop join instructions.
    public static var allCases: [ConfigKey] { server + Platforms.all.flatMap { $0.keys } + joining }

    /// The environment variable that sets it: `FLOWLINKS_` and the name in capitals.
    public var environmentVariable: String { "FLOWLINKS_" + rawValue.uppercased() }

    public var description: String { rawValue }

    public static func == (left: ConfigKey, right: ConfigKey) -> Bool { left.rawValue == right.rawValue }
    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }
}

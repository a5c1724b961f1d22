/// One platform's section of `Config`: the settings it is read from, how they are checked, and
/// what `config check` shows. Printed, it shows its secrets only as "set".
public protocol PlatformSettings: Equatable, Sendable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// Its settings, in the order `--help` and `config check` list them.
    static var keys: [ConfigKey] { get }
    /// The section, or `nil` when the settings that turn the platform on are not set.
    static func read(from reader: ConfigReader) throws(ConfigError) -> Self?
    /// The value `config check` shows for one of its keys; a secret only as "set".
    func displayValue(of key: ConfigKey) -> String
}

extension PlatformSettings {
    public var description: String {
        "\(Self.self)(" + Self.keys.map { "\($0.rawValue): \(displayValue(of: $0))" }.joined(separator: ", ") + ")"
    }

    public var debugDescription: String { description }

    public var customMirror: Mirror {
        Mirror(self, children: Self.keys.map { (label: $0.rawValue, value: displayValue(of: $0) as Any) })
    }

    /// "set" or "not set": all `config check` says of a secret.
    public static func presence(of secret: String?) -> String { secret == nil ? "not set" : "set" }

    /// Whether `other` is a section of the same type with the same values.
    func isSame(as other: any PlatformSettings) -> Bool { (other as? Self) == self }
}

/// The platform sections of a `Config`, one per settings type; a platform reads its own by type.
public struct PlatformSections: Sendable, Equatable {
    private var sections: [ObjectIdentifier: any PlatformSettings] = [:]

    public init() {}

    public subscript<Settings: PlatformSettings>(_ type: Settings.Type) -> Settings? {
        get { sections[ObjectIdentifier(type)] as? Settings }
        set { sections[ObjectIdentifier(type)] = newValue }
    }

    public static func == (left: PlatformSections, right: PlatformSections) -> Bool {
        left.sections.count == right.sections.count
            && left.sections.allSatisfy { key, section in right.sections[key].map(section.isSame(as:)) ?? false }
    }
}

import Foundation

/// Reads and checks each setting from where it was set, naming it (flag, variable or file key) in
/// any error; secret values never appear in one. Platforms read their sections with it.
public struct ConfigReader: Sendable {
    let values: [ConfigKey: (value: String, source: String)]

    /// Where a setting was set, as the person wrote it: `--port`, `FLOWLINKS_PORT`, `file.yaml: port`.
    public func source(of key: ConfigKey) -> String { values[key]?.source ?? key.environmentVariable }

    /// Whether the setting was given at all.
    public func isSet(_ key: ConfigKey) -> Bool { values[key] != nil }

    public func string(_ key: ConfigKey) throws(ConfigError) -> String? {
        guard let (value, source) = values[key] else { return nil }
        guard !value.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ConfigError(setting: source, problem: "must not be empty")
        }
        return value
    }

    public func integer(_ key: ConfigKey, in range: ClosedRange<Int>) throws(ConfigError) -> Int? {
        guard let text = try string(key) else { return nil }
        guard let number = Int(text), range.contains(number) else {
            throw ConfigError(
                setting: source(of: key),
                problem: "must be a whole number from \(range.lowerBound) to \(range.upperBound), not \"\(text)\"")
        }
        return number
    }

    public func boolean(_ key: ConfigKey) throws(ConfigError) -> Bool? {
        guard let text = try string(key) else { return nil }
        switch text.lowercased() {
        case "true": return true
        case "false": return false
        default: throw ConfigError(setting: source(of: key), problem: "must be true or false, not \"\(text)\"")
        }
    }

    public func url(_ key: ConfigKey) throws(ConfigError) -> String? {
        guard let text = try string(key) else { return nil }
        guard let url = URL(string: text), ["http", "https"].contains(url.scheme ?? ""), url.host != nil else {
            throw ConfigError(setting: source(of: key), problem: "must be an http or https URL, not \"\(text)\"")
        }
        return text
    }

    /// Refuses one of two settings set without the other.
    public func requireTogether(_ first: ConfigKey, _ second: ConfigKey) throws(ConfigError) {
        let firstSet = isSet(first)
        let secondSet = isSet(second)
        guard firstSet != secondSet else { return }
        let (missing, present) = firstSet ? (second, first) : (first, second)
        throw ConfigError(setting: missing.environmentVariable, problem: "is required when \(present.rawValue) is set")
    }

    public func positiveNumber(_ key: ConfigKey, atMost limit: Double) throws(ConfigError) -> Double? {
        guard let text = try string(key) else { return nil }
        guard let number = Double(text), number > 0, number <= limit else {
            throw ConfigError(
                setting: source(of: key), problem: "must be a number above 0 and at most \(Int(limit)), not \"\(text)\"")
        }
        return number
    }

    /// A secret the operator makes up (not one a platform issues): long enough not to be guessed.
    public func inventedSecret(_ key: ConfigKey) throws(ConfigError) -> String? {
        guard let secret = try string(key) else { return nil }
        guard secret.count >= ConfigLoader.minimumInventedSecretLength else {
            throw ConfigError(
                setting: source(of: key),
                problem: "must be at least \(ConfigLoader.minimumInventedSecretLength) characters; "
                    + "make a random one with: openssl rand -hex 32")
        }
        return secret
    }

    /// A phone number in international form: "+" and 8 to 15 digits; spaces and dashes are dropped.
    public func phoneNumber(_ key: ConfigKey) throws(ConfigError) -> String? {
        guard let text = try string(key) else { return nil }
        let compact = text.filter { $0 != " " && $0 != "-" }
        guard compact.hasPrefix("+"), (8...15).contains(compact.count - 1), compact.dropFirst().allSatisfy(\.isNumber) else {
            throw ConfigError(
                setting: source(of: key), problem: "must be a phone number in international form, like +15551234567")
        }
        return compact
    }
}

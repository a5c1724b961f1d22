/// Settings shown back to the operator (`flowlinks config check`).
extension Config {
    /// The setting's value as the server uses it; a secret only as "set" or "not set", never its value.
    public func displayValue(of key: ConfigKey) -> String {
        switch key {
        case .host: host
        case .port: String(port)
        case .database: databaseForDisplay
        case .prompts: promptsDirectory ?? "(default: ./Prompts, else the installed one)"
        case .maxBodyBytes: String(maxBodyBytes)
        case .rateLimitPerMinute: String(rateLimitPerMinute)
        case .rateLimitBurst: String(rateLimitBurst)
        case .idleHours: Self.number(idleHours)
        case .logLevel: logLevel
        case .outboxMaxAttempts: String(outboxMaxAttempts)
        case .requestTimeoutSeconds: Self.number(requestTimeoutSeconds)
        case .newConversationsPerMinute: String(newConversationsPerMinute)
        case .newConversationsPerChannelPerMinute: String(newConversationsPerChannelPerMinute)
        case .timeZone: timeZone
        case .webchat: String(webchat)
        case .behindProxy: String(behindProxy)
        case .walCheckpoint: walCheckpoint.rawValue
        case .publicBaseURL: publicBaseURL ?? "not set"
        case .telegramBotUsername: telegramBotUsername ?? "not set"
        case .whatsappNumber: whatsappNumber ?? "not set"
        case .smsNumber: smsNumber ?? "not set"
        default: Platforms.all.lazy.compactMap { $0.displayValue(of: key, in: self) }.first ?? key.unsetDisplay
        }
    }

    private static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}

// why: a `Config` printed anywhere (a log line, a debugger, `dump`) shows its secrets only as
// "set" or "not set", as `config check` does.
extension Config: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String {
        "Config(" + ConfigKey.allCases.map { "\($0.rawValue): \(displayValue(of: $0))" }.joined(separator: ", ") + ")"
    }

    public var debugDescription: String { description }

    public var customMirror: Mirror {
        Mirror(self, children: ConfigKey.allCases.map { (label: $0.rawValue, value: displayValue(of: $0) as Any) })
    }
}

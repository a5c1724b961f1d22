/// Settings shown back to the operator (`flowlinks config check`).
extension Config {
    /// The setting's value as the server uses it; a secret only as "set" or "not set", never its value.
    public func displayValue(of key: ConfigKey) -> String {
        switch key {
        case .host: host
        case .port: String(port)
        case .database: databasePath
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
        case .genericToken: Self.presence(of: genericToken)
        case .telegramSecretToken: Self.presence(of: telegramSecretToken)
        case .telegramBotToken: Self.presence(of: telegramBotToken)
        case .telegramAPIBaseURL: telegramAPIBaseURL
        case .twilioAuthToken: Self.presence(of: twilioAuthToken)
        case .twilioPublicURL: twilioPublicURL ?? "not set"
        case .mattermostToken: Self.presence(of: mattermostToken)
        case .slackSigningSecret: Self.presence(of: slackSigningSecret)
        case .slackBotToken: Self.presence(of: slackBotToken)
        case .slackAPIBaseURL: slackAPIBaseURL
        case .whatsappAppSecret: Self.presence(of: whatsappAppSecret)
        case .whatsappVerifyToken: Self.presence(of: whatsappVerifyToken)
        case .whatsappAccessToken: Self.presence(of: whatsappAccessToken)
        case .whatsappAPIBaseURL: whatsappAPIBaseURL
        case .discordPublicKey: discordPublicKey ?? "not set"
        case .discordAPIBaseURL: discordAPIBaseURL
        case .publicBaseURL: publicBaseURL ?? "not set"
        case .telegramBotUsername: telegramBotUsername ?? "not set"
        case .whatsappNumber: whatsappNumber ?? "not set"
        case .smsNumber: smsNumber ?? "not set"
        }
    }

    private static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }

    private static func presence(of secret: String?) -> String { secret == nil ? "not set" : "set" }
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

/// The server's own settings, and those of workshop join instructions.
extension ConfigKey {
    public static let host = ConfigKey("host", help: "address to listen on (default 127.0.0.1)")
    public static let port = ConfigKey("port", help: "port to listen on (default 8080)")
    public static let database = ConfigKey(
        "database",
        help: "SQLite database file (default ./flowlinks.sqlite), or postgres://user@host/name for PostgreSQL")
    public static let prompts = ConfigKey("prompts", help: "Prompts folder (default ./Prompts, else the installed one)")
    public static let maxBodyBytes = ConfigKey(
        "max_body_bytes", help: "largest request body accepted, in bytes (default 65536)")
    public static let rateLimitPerMinute = ConfigKey(
        "rate_limit_per_minute", help: "messages one conversation may send per minute (default 30)")
    public static let rateLimitBurst = ConfigKey(
        "rate_limit_burst", help: "messages one conversation may send at once (default 10)")
    public static let idleHours = ConfigKey(
        "idle_hours", help: "idle hours before a returning person is shown where they were (default 24)")
    public static let walCheckpoint = ConfigKey(
        "wal_checkpoint",
        help:
            "where SQLite's write-ahead log is copied back into the file: background, beside the turns, or commit, inside the turn that fills it (default background)"
    )
    public static let logLevel = ConfigKey(
        "log_level", help: "trace, debug, info, notice, warning, error, critical (default info)")
    public static let outboxMaxAttempts = ConfigKey(
        "outbox_max_attempts", help: "attempts at a platform API call before it is marked failed (default 8)")
    public static let requestTimeoutSeconds = ConfigKey(
        "request_timeout_seconds",
        help: "seconds a connection may sit idle or stall mid-request before it is closed (default 30)")
    public static let newConversationsPerMinute = ConfigKey(
        "new_conversations_per_minute", help: "new conversations one client address may start per minute (default 60)")
    public static let newConversationsPerChannelPerMinute = ConfigKey(
        "new_conversations_per_channel_per_minute",
        help: "new conversations one channel may start per minute, all clients together (default 600)")
    public static let timeZone = ConfigKey(
        "time_zone",
        help: "time zone of the times facilitators see and the days they filter by, e.g. America/Chicago (default UTC)")
    public static let webchat = ConfigKey(
        "webchat", help: "the web chat at /chat, where anyone with the link can answer: true or false (default true)")
    public static let behindProxy = ConfigKey(
        "behind_proxy",
        help:
            "true when a reverse proxy forwards every request: failed sign-ins then count by the last X-Forwarded-For address (default false)"
    )
    public static let publicBaseURL = ConfigKey(
        "public_base_url",
        help: "the server's address as people reach it, e.g. https://flowlinks.example.org (web chat join links)")
    public static let telegramBotUsername = ConfigKey(
        "telegram_bot_username", help: "the Telegram bot's username, without @ (workshop join links)")
    public static let whatsappNumber = ConfigKey(
        "whatsapp_number",
        help: "the WhatsApp number people message, in international form, e.g. +15551234567 (join links)")
    public static let smsNumber = ConfigKey(
        "sms_number", help: "the SMS number people text, e.g. +15551234567 (workshop join instructions)")

    /// The server's settings, in the order `--help` and `config check` list them.
    static let server: [ConfigKey] = [
        .host, .port, .database, .prompts, .maxBodyBytes, .rateLimitPerMinute, .rateLimitBurst, .idleHours, .logLevel,
        .outboxMaxAttempts, .requestTimeoutSeconds, .newConversationsPerMinute, .newConversationsPerChannelPerMinute,
        .timeZone, .webchat, .behindProxy, .walCheckpoint,
    ]

    /// What workshop join instructions need: where people reach the server, the bot's username, the numbers.
    static let joining: [ConfigKey] = [.publicBaseURL, .telegramBotUsername, .whatsappNumber, .smsNumber]
}

/// A configuration setting: its name in the config file, its environment variable, and what it means.
public enum ConfigKey: String, CaseIterable, Sendable {
    case host, port, database, prompts
    case maxBodyBytes = "max_body_bytes"
    case rateLimitPerMinute = "rate_limit_per_minute"
    case rateLimitBurst = "rate_limit_burst"
    case idleHours = "idle_hours"
    case logLevel = "log_level"
    case outboxMaxAttempts = "outbox_max_attempts"
    case requestTimeoutSeconds = "request_timeout_seconds"
    case newConversationsPerMinute = "new_conversations_per_minute"
    case newConversationsPerChannelPerMinute = "new_conversations_per_channel_per_minute"
    case timeZone = "time_zone"
    case webchat
    case behindProxy = "behind_proxy"
    case genericToken = "generic_token"
    case telegramSecretToken = "telegram_secret_token"
    case telegramBotToken = "telegram_bot_token"
    case telegramAPIBaseURL = "telegram_api_base_url"
    case twilioAuthToken = "twilio_auth_token"
    case twilioPublicURL = "twilio_public_url"
    case mattermostToken = "mattermost_token"
    case slackSigningSecret = "slack_signing_secret"
    case slackBotToken = "slack_bot_token"
    case slackAPIBaseURL = "slack_api_base_url"
    case whatsappAppSecret = "whatsapp_app_secret"
    case whatsappVerifyToken = "whatsapp_verify_token"
    case whatsappAccessToken = "whatsapp_access_token"
    case whatsappAPIBaseURL = "whatsapp_api_base_url"
    case discordPublicKey = "discord_public_key"
    case discordAPIBaseURL = "discord_api_base_url"
    case publicBaseURL = "public_base_url"
    case telegramBotUsername = "telegram_bot_username"
    case whatsappNumber = "whatsapp_number"
    case smsNumber = "sms_number"

    /// The environment variable that sets it: `FLOWLINKS_` and the name in capitals.
    public var environmentVariable: String { "FLOWLINKS_" + rawValue.uppercased() }

    /// Secrets are never printed, logged or echoed in an error.
    public var isSecret: Bool {
        [
            .genericToken, .telegramSecretToken, .telegramBotToken, .twilioAuthToken, .mattermostToken,
            .slackSigningSecret, .slackBotToken, .whatsappAppSecret, .whatsappVerifyToken, .whatsappAccessToken,
        ].contains(self)
    }

    public var help: String {
        switch self {
        case .host: "address to listen on (default 127.0.0.1)"
        case .port: "port to listen on (default 8080)"
        case .database: "SQLite database file (default ./flowlinks.sqlite)"
        case .prompts: "Prompts folder (default ./Prompts, else the installed one)"
        case .maxBodyBytes: "largest request body accepted, in bytes (default 65536)"
        case .rateLimitPerMinute: "messages one conversation may send per minute (default 30)"
        case .rateLimitBurst: "messages one conversation may send at once (default 10)"
        case .idleHours: "idle hours before a returning person is shown where they were (default 24)"
        case .logLevel: "trace, debug, info, notice, warning, error, critical (default info)"
        case .outboxMaxAttempts: "attempts at a platform API call before it is marked failed (default 8)"
        case .requestTimeoutSeconds: "seconds a connection may sit idle or stall mid-request before it is closed (default 30)"
        case .newConversationsPerMinute: "new conversations one client address may start per minute (default 60)"
        case .newConversationsPerChannelPerMinute:
            "new conversations one channel may start per minute, all clients together (default 600)"
        case .timeZone: "time zone of the times facilitators see and the days they filter by, e.g. America/Chicago (default UTC)"
        case .webchat: "the web chat at /chat, where anyone with the link can answer: true or false (default true)"
        case .behindProxy:
            "true when a reverse proxy forwards every request: failed sign-ins then count by the last X-Forwarded-For address (default false)"
        case .genericToken: "bearer token of the generic channel (without it: loopback only)"
        case .telegramSecretToken: "secret Telegram sends in X-Telegram-Bot-Api-Secret-Token (turns it on)"
        case .telegramBotToken: "bot token from BotFather, for replies sent through the Bot API"
        case .telegramAPIBaseURL: "Telegram Bot API base URL (default https://api.telegram.org)"
        case .twilioAuthToken: "auth token that signs X-Twilio-Signature (turns SMS/WhatsApp on)"
        case .twilioPublicURL: "the public URL Twilio posts to, exactly as set in Twilio"
        case .mattermostToken: "token of the Mattermost outgoing webhook (turns it on)"
        case .slackSigningSecret: "Slack app's signing secret, for X-Slack-Signature (turns Slack on)"
        case .slackBotToken: "Slack bot token (xoxb-…), for replies sent with chat.postMessage"
        case .slackAPIBaseURL: "Slack Web API base URL (default https://slack.com/api)"
        case .whatsappAppSecret: "Meta app secret, for X-Hub-Signature-256 (turns WhatsApp Cloud API on)"
        case .whatsappVerifyToken: "the verify token you type into Meta's webhook settings"
        case .whatsappAccessToken: "WhatsApp Cloud API access token, for replies sent through the Graph API"
        case .whatsappAPIBaseURL: "Graph API base URL with its version (default https://graph.facebook.com/v21.0)"
        case .discordPublicKey: "Discord application's public key, hex (turns the interactions endpoint on)"
        case .discordAPIBaseURL: "Discord API base URL, for long replies' follow-ups (default https://discord.com/api/v10)"
        case .publicBaseURL: "the server's address as people reach it, e.g. https://flowlinks.example.org (web chat join links)"
        case .telegramBotUsername: "the Telegram bot's username, without @ (workshop join links)"
        case .whatsappNumber: "the WhatsApp number people message, in international form, e.g. +15551234567 (join links)"
        case .smsNumber: "the SMS number people text, e.g. +15551234567 (workshop join instructions)"
        }
    }
}

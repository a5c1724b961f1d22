/// Every platform the server knows, in the order their settings and channels are listed.
public enum Platforms {
    public static let all: [any Platform.Type] = [
        GenericPlatform.self,
        TelegramPlatform.self,
        TwilioPlatform.self,
        MattermostPlatform.self,
        SlackPlatform.self,
        WhatsAppPlatform.self,
        DiscordPlatform.self,
        TeamsPlatform.self,
    ]
}

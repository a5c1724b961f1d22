import FlowLinksServer
import FlowLinksStore
import Foundation
import Testing

@Suite("Configuration from flags, environment and file")
struct ConfigLoaderTests {
    @Test func defaultsWorkWithNothingSet() throws {
        let config = try ConfigLoader.load()
        #expect(config.host == "127.0.0.1")
        #expect(config.port == 8080)
        #expect(config.database == "./flowlinks.sqlite")
        #expect(config.enabledChannels == ["webchat", "generic"])
    }

    @Test func flagsBeatEnvironmentWhichBeatsTheFile() throws {
        let file = (path: "flowlinks.yaml", text: "port: 9000\nhost: 0.0.0.0\nrate_limit_burst: 4\n")
        let config = try ConfigLoader.load(
            flags: [.port: "9002"], environment: ["FLOWLINKS_PORT": "9001", "FLOWLINKS_HOST": "127.0.0.1"], file: file)
        #expect(config.port == 9002)
        #expect(config.host == "127.0.0.1")
        #expect(config.rateLimitBurst == 4)
    }

    @Test func theWriteAheadLogIsCopiedInTheBackgroundUnlessToldOtherwise() throws {
        #expect(try ConfigLoader.load().walCheckpoint == .background)
        let config = try ConfigLoader.load(file: (path: "flowlinks.yaml", text: "wal_checkpoint: commit\n"))
        #expect(config.walCheckpoint == .commit)
        #expect(config.displayValue(of: .walCheckpoint) == "commit")
    }

    @Test func aChannelIsOnOnlyWithItsSecret() throws {
        let config = try ConfigLoader.load(environment: [
            "FLOWLINKS_HOST": "0.0.0.0", "FLOWLINKS_MATTERMOST_TOKEN": "abc", "FLOWLINKS_TWILIO_AUTH_TOKEN": "t",
            "FLOWLINKS_TWILIO_PUBLIC_URL": "https://bot.example.org/webhooks/twilio",
        ])
        #expect(config.enabledChannels == ["webchat", "twilio", "mattermost"])
    }

    @Test func slackWhatsAppAndDiscordAreOnWithTheirSettings() throws {
        let config = try ConfigLoader.load(environment: [
            "FLOWLINKS_HOST": "0.0.0.0", "FLOWLINKS_SLACK_SIGNING_SECRET": "s", "FLOWLINKS_SLACK_BOT_TOKEN": "xoxb-1",
            "FLOWLINKS_WHATSAPP_APP_SECRET": "a", "FLOWLINKS_WHATSAPP_VERIFY_TOKEN": "v",
            "FLOWLINKS_WHATSAPP_ACCESS_TOKEN": "t", "FLOWLINKS_WHATSAPP_API_BASE_URL": "http://127.0.0.1:9/v21.0",
            "FLOWLINKS_DISCORD_PUBLIC_KEY": String(repeating: "ab", count: 32),
        ])
        #expect(config.enabledChannels == ["webchat", "slack", "whatsapp", "discord"])
        #expect(config.whatsapp?.apiBaseURL == "http://127.0.0.1:9/v21.0")
        #expect(config.slack?.apiBaseURL == "https://slack.com/api")
    }

    @Test(arguments: [
        (["FLOWLINKS_PORT": "eighty"], "FLOWLINKS_PORT: must be a whole number from 1 to 65535, not \"eighty\""),
        (["FLOWLINKS_PORT": "0"], "FLOWLINKS_PORT: must be a whole number from 1 to 65535, not \"0\""),
        (["FLOWLINKS_LOG_LEVEL": "loud"], "FLOWLINKS_LOG_LEVEL: must be one of"),
        (["FLOWLINKS_TWILIO_PUBLIC_URL": "bot.example.org"], "FLOWLINKS_TWILIO_PUBLIC_URL: must be an http or https URL"),
        (
            ["FLOWLINKS_TELEGRAM_SECRET_TOKEN": "a-long-enough-secret"],
            "FLOWLINKS_TELEGRAM_BOT_TOKEN: is required when telegram_secret_token is set"
        ),
        (["FLOWLINKS_GENERIC_TOKEN": "x"], "FLOWLINKS_GENERIC_TOKEN: must be at least 16 characters"),
        (
            ["FLOWLINKS_TELEGRAM_SECRET_TOKEN": "short_secret", "FLOWLINKS_TELEGRAM_BOT_TOKEN": "1:x"],
            "FLOWLINKS_TELEGRAM_SECRET_TOKEN: must be at least 16 characters"
        ),
        (["FLOWLINKS_TWILIO_AUTH_TOKEN": "abc"], "FLOWLINKS_TWILIO_PUBLIC_URL: is required when twilio_auth_token is set"),
        (["FLOWLINKS_GENERIC_TOKEN": " "], "FLOWLINKS_GENERIC_TOKEN: must not be empty"),
        (["FLOWLINKS_SLACK_SIGNING_SECRET": "abc"], "FLOWLINKS_SLACK_BOT_TOKEN: is required when slack_signing_secret is set"),
        (
            ["FLOWLINKS_WHATSAPP_APP_SECRET": "abc", "FLOWLINKS_WHATSAPP_ACCESS_TOKEN": "t"],
            "FLOWLINKS_WHATSAPP_VERIFY_TOKEN: is required when whatsapp_app_secret is set"
        ),
        (
            ["FLOWLINKS_WHATSAPP_VERIFY_TOKEN": "v"],
            "FLOWLINKS_WHATSAPP_APP_SECRET: is required when whatsapp_verify_token is set"
        ),
        (["FLOWLINKS_DISCORD_PUBLIC_KEY": "abc"], "FLOWLINKS_DISCORD_PUBLIC_KEY: must be the 64 hexadecimal characters"),
        (["FLOWLINKS_SLACK_API_BASE_URL": "slack.com/api"], "FLOWLINKS_SLACK_API_BASE_URL: must be an http or https URL"),
        (["FLOWLINKS_BEHIND_PROXY": "yes please"], "FLOWLINKS_BEHIND_PROXY: must be true or false, not \"yes please\""),
        (["FLOWLINKS_WAL_CHECKPOINT": "never"], "FLOWLINKS_WAL_CHECKPOINT: must be background or commit"),
    ])
    func aBadSettingStopsStartUpAndIsNamed(environment: [String: String], message: String) {
        #expect {
            try ConfigLoader.load(environment: environment)
        } throws: { error in
            "\(error)".hasPrefix(message)
        }
    }

    @Test func aSecretNeverAppearsInAnError() {
        let secret = "my secret with spaces!"
        #expect {
            try ConfigLoader.load(environment: ["FLOWLINKS_TELEGRAM_SECRET_TOKEN": secret, "FLOWLINKS_TELEGRAM_BOT_TOKEN": "1:x"])
        } throws: { error in
            let text = "\(error)"
            return text.contains("FLOWLINKS_TELEGRAM_SECRET_TOKEN") && !text.contains(secret)
        }
    }

    @Test func anUnknownSettingInTheFileIsNamed() {
        #expect {
            try ConfigLoader.load(file: (path: "flowlinks.yaml", text: "prot: 80\n"))
        } throws: { error in
            "\(error)" == "flowlinks.yaml: prot: unknown setting"
        }
    }

    @Test func aBadFlagIsNamedAsTheFlag() {
        #expect {
            try ConfigLoader.load(flags: [.maxBodyBytes: "10"])
        } throws: { error in
            "\(error)".hasPrefix("--max-body-bytes: must be a whole number from 1024")
        }
    }
}

@Suite("The example config in Deploy/")
struct ExampleConfigTests {
    @Test func theExampleConfigLoadsAndTurnsOnlyTheWebChatAndGenericChannelOn() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Deploy/flowlinks.example.yaml")
        let text = try String(contentsOf: url, encoding: .utf8)
        let config = try ConfigLoader.load(file: (path: url.lastPathComponent, text: text))
        #expect(config.database == "/var/lib/flowlinks/flowlinks.sqlite")
        #expect(config.enabledChannels == ["webchat", "generic"])
        #expect(config.behindProxy, "the example runs behind the proxy in Deploy/")
        let documented = Set(
            text.split(separator: "\n").compactMap { line -> String? in
                let trimmed = line.drop { $0 == "#" || $0 == " " }
                guard let colon = trimmed.firstIndex(of: ":") else { return nil }
                return String(trimmed[..<colon])
            })
        for key in ConfigKey.allCases { #expect(documented.contains(key.rawValue), "\(key.rawValue) is not in the example") }
    }
}

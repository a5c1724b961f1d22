import FlowLinksTesting
import Foundation
import Testing

/// `flowlinks config check`, run as a program with settings from flags, the environment and a file.
@Suite("flowlinks config check, as a program")
struct ConfigCheckCommandTests {
    let folder: TemporaryFolder

    init() throws { folder = try TemporaryFolder() }

    /// The test's environment without any FLOWLINKS_* variable, plus `variables`.
    func environment(_ variables: [String: String] = [:]) -> [String: String] {
        ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("FLOWLINKS_") }.merging(variables) { $1 }
    }

    func check(_ arguments: [String], environment variables: [String: String] = [:]) throws -> Program.Run {
        try Program.run(
            ["config", "check", "--prompts", DefaultPrompts.directory.path] + arguments, input: [],
            environment: environment(variables))
    }

    /// The value a setting's line shows.
    func value(of key: String, in output: String) -> String? {
        output.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .first { $0.hasPrefix(key + " ") }.map { String($0.dropFirst(key.count)).trimmingCharacters(in: .whitespaces) }
    }

    @Test func validSettingsArePrintedWithSecretsOnlyAsSetAndTheEnabledChannelsListed() throws {
        let file = folder.path("flowlinks.yaml")
        try "port: 9000\ngeneric_token: file-secret-value\n".write(toFile: file, atomically: true, encoding: .utf8)
        let run = try check(
            ["--config", file, "--set", "rate_limit_per_minute=60"],
            environment: ["FLOWLINKS_TELEGRAM_SECRET_TOKEN": "env-secret-value", "FLOWLINKS_TELEGRAM_BOT_TOKEN": "123:bot-value"])
        #expect(run.status == 0, "\(run.errors)")
        #expect(value(of: "port", in: run.output) == "9000")
        #expect(value(of: "rate_limit_per_minute", in: run.output) == "60")
        #expect(value(of: "host", in: run.output) == "127.0.0.1")
        #expect(value(of: "generic_token", in: run.output) == "set")
        #expect(value(of: "telegram_secret_token", in: run.output) == "set")
        #expect(value(of: "mattermost_token", in: run.output) == "not set")
        for secret in ["file-secret-value", "env-secret-value", "bot-value"] {
            #expect(!run.output.contains(secret) && !run.errors.contains(secret))
        }
        #expect(run.output.contains("Prompts: \(DefaultPrompts.directory.path): valid"))
        #expect(run.output.contains("Channels enabled: webchat, generic, telegram\n"))
    }

    @Test func aBadSettingIsRejectedByName() throws {
        let flag = try check(["--set", "port=99999"])
        #expect(flag.status == 2)
        #expect(flag.errors.contains("--port: must be a whole number from 1 to 65535, not \"99999\""))

        let variable = try check([], environment: ["FLOWLINKS_LOG_LEVEL": "loud"])
        #expect(variable.status == 2)
        #expect(variable.errors.contains("FLOWLINKS_LOG_LEVEL: must be one of"))

        let file = folder.path("flowlinks.yaml")
        try "prot: 8080\n".write(toFile: file, atomically: true, encoding: .utf8)
        let typo = try check(["--config", file])
        #expect(typo.status == 2)
        #expect(typo.errors.contains("\(file): prot: unknown setting"))
    }

    @Test func aSecretMissingItsPartnerIsRejectedWithoutShowingTheSecret() throws {
        let run = try check([], environment: ["FLOWLINKS_TELEGRAM_SECRET_TOKEN": "a-lonely-secret-value"])
        #expect(run.status == 2)
        #expect(run.errors.contains("FLOWLINKS_TELEGRAM_BOT_TOKEN: is required when telegram_secret_token is set"))
        #expect(!run.errors.contains("a-lonely-secret-value"))
    }

    @Test func aFileThatIsNotYAMLIsReportedByLineAndColumnWithoutItsText() throws {
        let file = folder.path("flowlinks.yaml")
        let secret = "xoxb-1111-2222-SuperSecretBotToken"
        try "port: 8080\nslack_bot_token: \"\(secret)\n  : nonsense [\n".write(toFile: file, atomically: true, encoding: .utf8)
        let run = try check(["--config", file])
        #expect(run.status == 2)
        #expect(run.errors.contains("\(file): is not valid YAML"), "\(run.errors)")
        #expect(run.errors.contains("line "), "\(run.errors)")
        #expect(run.errors.contains("column "), "\(run.errors)")
        #expect(!run.errors.contains("SuperSecret"), "\(run.errors)")
        #expect(!run.output.contains("SuperSecret"))
    }

    @Test func anInvalidPromptsFolderFailsTheCheck() throws {
        let run = try check(["--prompts", folder.path("no-such-folder")])
        #expect(run.status == 1)
        #expect(run.output.contains("invalid"))
    }

    @Test func onAPublicAddressWithoutAnySecretOnlyTheWebChatIsEnabled() throws {
        let run = try check(["--host", "0.0.0.0"])
        #expect(run.status == 0)
        #expect(run.output.contains("Channels enabled: webchat\n"))
        let off = try check(["--host", "0.0.0.0", "--set", "webchat=false"])
        #expect(off.output.contains("Channels enabled: none"))
    }
}

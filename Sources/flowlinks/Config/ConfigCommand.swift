import ArgumentParser
import FlowLinksServer

/// `flowlinks config check`: validates the settings the way `serve` loads them, without serving.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config", abstract: "Work with the server's settings.", subcommands: [Check.self])

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check the settings as serve would load them; print them and the channels they turn on.",
            discussion: """
                Takes the same flags as serve, reads the same FLOWLINKS_* environment variables and config \
                file, and checks the Prompts folder, without starting the server. Secrets are shown only as \
                "set" or "not set". Exits 2 naming the setting that is wrong, 1 when the Prompts folder is invalid.

                Settings (config file key, environment variable):
                \(ServerSettingsOptions.settingsHelp)
                """)

        @OptionGroup var settings: ServerSettingsOptions

        func run() throws {
            let config = try settings.load()
            let width = ConfigKey.allCases.map(\.rawValue.count).max() ?? 0
            print("Settings (flags, then FLOWLINKS_* environment, then config file, then defaults):")
            for key in ConfigKey.allCases {
                print(
                    "  " + key.rawValue.padding(toLength: width + 2, withPad: " ", startingAt: 0) + config.displayValue(of: key))
            }
            let prompts = try PromptsOptions.folder(config.promptsDirectory)
            do {
                print("Prompts: " + prompts.validity(of: try prompts.loadScript()))
            } catch {
                print("Prompts: \(prompts.directory().path): invalid (the problems are listed on standard error)")
                throw error
            }
            let channels = config.enabledChannels
            print(
                "Channels enabled: "
                    + (channels.isEmpty ? "none (a channel turns on when its secret is set)" : channels.joined(separator: ", ")))
            print("The settings are valid: flowlinks serve would start with them.")
        }
    }
}

import ArgumentParser
import FlowLinksCore
import Foundation

/// `flowlinks prompts check [DIR]`: validates conversation content without running anything.
struct PromptsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prompts", abstract: "Work with the conversation content.", subcommands: [Check.self])

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a Prompts folder; exit 1 and name each file, key and problem when it is invalid.")

        @Argument(help: "The folder to check (default: ./Prompts, else the one beside the program).")
        var directory: String?

        func run() throws {
            let options = try PromptsOptions.folder(directory)
            print(options.validity(of: try options.loadScript()))
        }
    }
}

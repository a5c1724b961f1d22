import ArgumentParser
import FlowLinksCore
import Foundation

/// The `--prompts DIR` option, shared by the commands that load the conversation content.
struct PromptsOptions: ParsableArguments {
    @Option(name: .long, help: "Folder of conversation content (default: ./Prompts, else the one beside the program).")
    var prompts: String?

    /// The folder to load: the option, `./Prompts`, or the copy that ships with the program.
    func directory() -> URL {
        if let prompts { return URL(fileURLWithPath: prompts) }
        let fileManager = FileManager.default
        let executable = Self.programPath.resolvingSymlinksInPath().deletingLastPathComponent()
        let candidates = [
            URL(fileURLWithPath: fileManager.currentDirectoryPath).appendingPathComponent("Prompts"),
            executable.appendingPathComponent("../../Prompts").standardized,  // .build/debug/flowlinks
            executable.appendingPathComponent("../share/flowlinks/Prompts").standardized,  // installed
        ]
        return candidates.first { fileManager.fileExists(atPath: $0.appendingPathComponent("script.yaml").path) }
            ?? candidates[0]
    }

    /// Where this program's file is. The kernel's answer first: run by name from `$PATH`
    /// (`sudo -u flowlinks flowlinks …`), `arguments[0]` is only "flowlinks".
    static var programPath: URL {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: path)
        }
        return URL(fileURLWithPath: CommandLine.arguments[0])
    }

    /// The options for a folder named in the settings or on the command line; nil finds the default one.
    static func folder(_ directory: String?) throws -> PromptsOptions {
        try parse(directory.map { ["--prompts", $0] } ?? [])
    }

    /// One line saying that the folder is valid, as `prompts check` prints it.
    func validity(of script: Script) -> String {
        "\(directory().path): valid (version \(script.version), \(script.steps.count) questions)"
    }

    /// Loads the script, or exits with the list of problems.
    func loadScript() throws -> Script {
        let directory = directory()
        do {
            return try ScriptLoader.load(directory: directory)
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode.failure
        }
    }
}

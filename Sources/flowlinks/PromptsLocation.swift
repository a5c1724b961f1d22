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
        let candidates = Self.defaultCandidates()
        return candidates.first(where: Self.holdsPrompts) ?? candidates[0]
    }

    /// Where the content is looked for without `--prompts`, in order.
    static func defaultCandidates() -> [URL] {
        let workingFolder = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let programFolder = programPath.resolvingSymlinksInPath().deletingLastPathComponent()
        var candidates = [
            workingFolder.appendingPathComponent("Prompts"),
            programFolder.appendingPathComponent("../share/flowlinks/Prompts").standardized,  // installed
        ]
        // why: SwiftPM builds to .build/<triple>/debug/flowlinks (`.build/debug` is a symlink to
        // it), so the package's own Prompts sits beside the `.build` folder, however deep it is.
        var folder = programFolder
        while folder.pathComponents.count > 1 {
            if folder.lastPathComponent.hasPrefix(".build") {
                candidates.append(folder.deletingLastPathComponent().appendingPathComponent("Prompts"))
                break
            }
            folder.deleteLastPathComponent()
        }
        return candidates
    }

    static func holdsPrompts(_ folder: URL) -> Bool {
        FileManager.default.fileExists(atPath: folder.appendingPathComponent("script.yaml").path)
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
        if prompts == nil, !Self.holdsPrompts(directory) {
            FileHandle.standardError.write(Data(Self.notFound().utf8))
            throw ExitCode.failure
        }
        do {
            return try ScriptLoader.load(directory: directory)
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode.failure
        }
    }

    /// Says where the content was looked for and how to point at it.
    static func notFound() -> String {
        let places = defaultCandidates().map { "  \($0.path)" }
        return
            (["Cannot find the conversation content (a Prompts folder with script.yaml). Looked in:"] + places + [
                "Run flowlinks from the project folder, or pass --prompts DIR.", "",
            ]).joined(separator: "\n")
    }
}

import FlowLinksTesting
import Foundation
import Testing

/// Runs the built `flowlinks` program the way a person would, with answers piped in.
@Suite("flowlinks repl and prompts check, as a program")
struct ReplExecutableTests {
    let workDirectory: URL

    init() throws {
        workDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("flowlinks-cli-\(UUID())")
        try FileManager.default.createDirectory(at: workDirectory, withIntermediateDirectories: true)
    }

    var database: String { workDirectory.appendingPathComponent("flowlinks.sqlite").path }

    @Test func aPipedSessionRunsFromTheFirstQuestionToTheResult() throws {
        let run = try Program.run(["repl", "--db", database, "--session", "team-a"], input: SampleAnswers.complete)
        #expect(run.status == 0)
        #expect(run.output.contains("Recommended level: Involving"))
        #expect(run.output.contains("Communication: today Informing"))
        #expect(run.output.contains("Resource sharing: today"))
        #expect(run.output.contains("Decision-making: today Consulting"))
        #expect(run.output.contains("(you said: Information is shared with community partners.)"))
        #expect(run.output.contains("Session 1 is saved"))
    }

    @Test func endOfInputPausesAndTheNextRunResumesAtTheSameQuestion() throws {
        let first = try Program.run(
            ["repl", "--db", database, "--session", "team-b"], input: Array(SampleAnswers.complete.prefix(4)))
        #expect(first.output.contains("Paused"))
        let second = try Program.run(["repl", "--db", database, "--session", "team-b"], input: [])
        #expect(second.output.contains("Welcome back! We were at question 5 of 13."))
        #expect(second.output.contains("Are other community partners looking to achieve the same or similar goals?"))
    }

    @Test func deleteMyDataEndsTheProgramAndTheSessionIsGone() throws {
        let run = try Program.run(
            ["repl", "--db", database, "--session", "team-c"], input: ["Riverside", "delete my data", "yes"])
        #expect(run.output.contains("have been deleted"))
        let again = try Program.run(["repl", "--db", database, "--session", "team-c"], input: [])
        #expect(again.output.contains("Hi, I'm FlowLinks"))
    }

    @Test func aTerminalInSpanishGetsASpanishSessionAndTheOptionOverridesIt() throws {
        var environment = ProcessInfo.processInfo.environment
        environment["LC_ALL"] = nil
        environment["LC_MESSAGES"] = nil
        environment["LANG"] = "es_US.UTF-8"
        let spanish = try Program.run(
            ["repl", "--db", database, "--session", "es"], input: [], environment: environment)
        #expect(spanish.output.contains("¿cómo se llama su organización?"))
        let english = try Program.run(
            ["repl", "--db", database, "--session", "en", "--language", "en"], input: [], environment: environment)
        #expect(english.output.contains("First, what is the name of your organization?"))
    }

    @Test func editedPromptsAreUsedWithThePromptsOption() throws {
        let prompts = try copyOfDefaultPrompts()
        let scriptFile = prompts.appendingPathComponent("script.yaml")
        let edited = try String(contentsOf: scriptFile, encoding: .utf8)
            .replacingOccurrences(of: "First, what is the name of your organization?", with: "Who are you with?")
        try edited.write(to: scriptFile, atomically: true, encoding: .utf8)
        let run = try Program.run(["repl", "--db", database, "--prompts", prompts.path], input: [])
        #expect(run.output.contains("Who are you with?"))
    }

    @Test func promptsCheckAcceptsTheDefaultFolder() throws {
        let run = try Program.run(["prompts", "check", DefaultPrompts.directory.path], input: [])
        #expect(run.status == 0)
        #expect(run.output.contains("valid"))
    }

    @Test func promptsCheckNamesTheFileAndKeyOfAProblem() throws {
        let prompts = try copyOfDefaultPrompts()
        let languageFile = prompts.appendingPathComponent("language.yaml")
        let broken = try String(contentsOf: languageFile, encoding: .utf8)
            .replacingOccurrences(of: "question {number} of {total}.", with: "question {numbr} of {total}.")
        try broken.write(to: languageFile, atomically: true, encoding: .utf8)
        let run = try Program.run(["prompts", "check", prompts.path], input: [])
        #expect(run.status == 1)
        #expect(run.errors.contains("language.yaml: messages.status: unknown placeholder {numbr}"))
    }

    private func copyOfDefaultPrompts() throws -> URL {
        let copy = workDirectory.appendingPathComponent("Prompts")
        try FileManager.default.copyItem(at: DefaultPrompts.directory, to: copy)
        return copy
    }
}

/// The built `flowlinks` executable, run as a child process.
enum Program {
    struct Run {
        let status: Int32
        let output: String
        let errors: String
    }

    static var executable: URL {
        // why: tests run from the build folder's test bundle; the program is built beside it.
        var directory = Bundle.main.bundleURL
        for _ in 0..<3 {
            let candidate = directory.appendingPathComponent("flowlinks")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory.deleteLastPathComponent()
        }
        return directory.appendingPathComponent("flowlinks")
    }

    /// Runs the program to its end; `environment` replaces the test's own when given.
    static func run(
        _ arguments: [String], input lines: [String], environment: [String: String]? = nil, in folder: URL? = nil,
        program: URL = executable
    ) throws -> Run {
        let process = Process()
        process.executableURL = program
        if let folder { process.currentDirectoryURL = folder }
        process.arguments = arguments
        // why: the REPL follows the terminal's language; the tests read English unless they ask.
        process.environment =
            environment
            ?? ProcessInfo.processInfo.environment.merging(["LC_ALL": "C.UTF-8", "LC_MESSAGES": "", "LANG": "C.UTF-8"]) {
                $1
            }
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(lines.map { $0 + "\n" }.joined().utf8))
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let errors = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, output: String(decoding: output, as: UTF8.self),
            errors: String(decoding: errors, as: UTF8.self))
    }
}

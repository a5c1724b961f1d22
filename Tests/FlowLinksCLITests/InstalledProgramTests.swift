import FlowLinksTesting
import Foundation
import Testing

/// The program installed the way Deploy/ installs it: `bin/flowlinks` and `share/flowlinks/Prompts`.
@Suite("flowlinks, installed and run by name")
struct InstalledProgramTests {
    @Test func runByNameItFindsTheContentInstalledBesideIt() throws {
        let fileManager = FileManager.default
        // why: a hard link keeps the program's own path (no symlink to resolve back to the build
        // folder) without copying it; it must sit on the build folder's file system.
        let root = Program.executable.deletingLastPathComponent().appendingPathComponent("installed-\(UUID())")
        defer { try? fileManager.removeItem(at: root) }
        let bin = root.appendingPathComponent("bin")
        let prompts = root.appendingPathComponent("share/flowlinks/Prompts")
        try fileManager.createDirectory(at: bin, withIntermediateDirectories: true)
        try fileManager.createDirectory(at: prompts.deletingLastPathComponent(), withIntermediateDirectories: true)
        try fileManager.linkItem(at: Program.executable, to: bin.appendingPathComponent("flowlinks"))
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        try fileManager.copyItem(at: repository.appendingPathComponent("Prompts"), to: prompts)
        let elsewhere = fileManager.temporaryDirectory.appendingPathComponent("elsewhere-\(UUID())")
        try fileManager.createDirectory(at: elsewhere, withIntermediateDirectories: true)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["flowlinks", "prompts", "check"]
        process.environment = ["PATH": bin.path]
        process.currentDirectoryURL = elsewhere
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(printed)")
        #expect(printed.hasPrefix(prompts.path + ": valid"), "\(printed)")
    }

    @Test func runFromTheBuildFolderFromElsewhereItFindsThePackagesContent() throws {
        let elsewhere = try TemporaryFolder()
        defer { try? FileManager.default.removeItem(at: elsewhere.url) }
        let run = try Program.run(["prompts", "check"], input: [], in: elsewhere.url)
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.hasPrefix(Self.repository.appendingPathComponent("Prompts").path + ": valid"), "\(run.output)")
    }

    @Test func withoutContentAnywhereItSaysWhereItLookedAndHowToPointAtIt() throws {
        let fileManager = FileManager.default
        let folder = try TemporaryFolder()
        defer { try? fileManager.removeItem(at: folder.url) }
        let lone = folder.url.appendingPathComponent("flowlinks")
        // why: a copy away from any build folder or installed share/, as if moved by hand.
        do { try fileManager.linkItem(at: Program.executable, to: lone) } catch {
            try fileManager.copyItem(at: Program.executable, to: lone)
        }
        let run = try Program.run(["repl"], input: ["hello"], in: folder.url, program: lone)
        #expect(run.status != 0)
        #expect(run.errors.contains("Cannot find the conversation content"), "\(run.errors)")
        #expect(run.errors.contains("--prompts DIR"))
        #expect(run.errors.hasSuffix("\n"))
        #expect(!run.errors.contains("cannot be read"), "one message, not one per file")
    }

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
}

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
}

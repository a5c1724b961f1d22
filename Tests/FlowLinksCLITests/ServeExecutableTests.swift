import FlowLinksTesting
import Foundation
import Testing

/// Runs `flowlinks serve` as a process, the way an operator would.
@Suite("flowlinks serve, as a program")
struct ServeExecutableTests {
    @Test func aBadSettingStopsStartUpAndNamesIt() throws {
        let run = try Program.run(["serve", "--port", "eighty"], input: [])
        #expect(run.status == 2)
        #expect(run.errors.contains("--port: must be a whole number from 1 to 65535"))
    }

    @Test func aPostgreSQLURLThatIsNotValidStopsStartUpNamingTheSetting() throws {
        let run = try Program.run(["serve", "--db", "postgres://flow:Hunter2-Secret@db/x?sslmode=always"], input: [])
        #expect(run.status == 2)
        #expect(run.errors.contains("database: sslmode \"always\" is not one of"))
        #expect(!run.errors.contains("Hunter2-Secret"))
    }

    @Test func aSecretInAFlagIsRefused() throws {
        let run = try Program.run(["serve", "--set", "generic_token=abc"], input: [])
        #expect(run.status != 0)
        #expect(run.errors.contains("put secrets in the environment or the config file"))
        #expect(!run.errors.contains("abc\n"))
    }

    @Test(.timeLimit(.minutes(2)))
    func theWritersCommitsShowInTheMetrics() async throws {
        let server = try ServerProcess(
            database: ServerProcess.temporaryDatabase(), environment: ["FLOWLINKS_RATE_LIMIT_BURST": "20"])
        defer { server.stop() }
        for (index, text) in (["hello"] + SampleAnswers.complete).enumerated() {
            let reply = try await server.send(text, id: index, conversation: "team-sqlite")
            #expect(reply.status == 200, "message \(index)")
        }
        let metrics = try await server.metrics()
        // why: every turn is counted in some shared commit, however the turns were batched.
        let turns = (["hello"] + SampleAnswers.complete).count
        #expect(metrics.contains("flowlinks_sqlite_committed_turns_total \(turns)"), "\(metrics)")
        #expect(metrics.contains("flowlinks_sqlite_commit_seconds_count"))
    }

    @Test func sigtermShutsTheServerDownCleanly() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("serve-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = Program.executable
        let port = Int.random(in: 20_000...40_000)
        process.arguments = ["serve", "--port", "\(port)", "--db", directory.appendingPathComponent("db.sqlite").path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        // why: wait for the server's own word that it listens, not for a guessed delay.
        var log = ""
        while !log.contains("Server started and listening") {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            log += String(decoding: chunk, as: UTF8.self)
        }
        #expect(log.contains("Server started and listening on 127.0.0.1:\(port)"))
        #expect(log.contains("channels=webchat, generic"))
        process.terminate()
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 0)
    }
}

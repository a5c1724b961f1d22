import Foundation

/// `flowlinks serve` running as its own process on 127.0.0.1, the way an operator runs it.
final class ServerProcess {
    let process = Process()
    let port: Int
    private let output = Pipe()
    private(set) var log = ""

    /// Starts the server and returns once it says it listens.
    init(database: String, environment: [String: String] = [:], port: Int = Int.random(in: 20_000...40_000)) throws {
        self.port = port
        process.executableURL = Program.executable
        process.arguments = ["serve", "--port", "\(port)", "--db", database]
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardOutput = output
        process.standardError = output
        try process.run()
        // why: wait for the server's own word that it listens, not for a guessed delay.
        while !log.contains("Server started and listening") {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            log += String(decoding: chunk, as: UTF8.self)
        }
    }

    var baseURL: String { "http://127.0.0.1:\(port)" }

    /// Ends the process at once, as a crash or a power cut would: no shutdown code runs.
    func kill() {
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// Asks the server to stop, as systemd does.
    func stop() {
        process.terminate()
        process.waitUntilExit()
    }

    /// A fresh database path in a temporary folder.
    static func temporaryDatabase() throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("flowlinks-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory.appendingPathComponent("flowlinks.sqlite").path
    }
}

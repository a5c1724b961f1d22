import ArgumentParser
import FlowLinksStore
import Foundation

/// The sessions of an existing database file, for the review commands; failures end the program with a message.
struct StoredSessions {
    let path: String
    let database: AppDatabase

    /// Opens the file, refusing to create one that is not there.
    init(path: String) throws {
        guard FileManager.default.fileExists(atPath: path) else { throw Self.failure("No database at \(path).") }
        self.path = path
        database = try AppDatabase.open(path: path)
    }

    /// The session's report, or a failure naming the missing id.
    func report(_ id: Int64) throws -> SessionReport {
        guard let report = try database.report(ofSession: id) else { throw Self.failure("No session \(id) in \(path).") }
        return report
    }

    /// Every session's report, oldest first.
    func allReports() throws -> [SessionReport] {
        try database.allSessionIDs().compactMap { try database.report(ofSession: $0) }
    }

    static func failure(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data("\(message)\n".utf8))
        return ExitCode.failure
    }
}

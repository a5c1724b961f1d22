import ArgumentParser
import FlowLinksCore
import FlowLinksStore
import Foundation

/// The sessions of an existing database file, for the review commands; failures end the program with a message.
struct StoredSessions {
    let path: String
    let review: any ReviewStore

    /// Opens the database, refusing to create one that is not there; `script` names the steps the
    /// filters and exports read organization and initiative from.
    init(_ option: DatabaseOption, script: Script? = nil) throws {
        guard option.file.exists else { throw Self.failure("No database at \(option.db).") }
        path = option.db
        review = try option.stores(script: script).review
    }

    /// The session's report, or a failure naming the missing id.
    func report(_ id: Int64) async throws -> SessionReport {
        guard let report = try await review.report(ofSession: id) else { throw Self.failure("No session \(id) in \(path).") }
        return report
    }

    /// Every session's report, oldest first.
    func allReports() async throws -> [SessionReport] {
        var reports: [SessionReport] = []
        for id in try await review.allSessionIDs() {
            if let report = try await review.report(ofSession: id) { reports.append(report) }
        }
        return reports
    }

    static func failure(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data("\(message)\n".utf8))
        return ExitCode.failure
    }
}

import ArgumentParser
import FlowLinksCore
import FlowLinksStore
import Foundation

/// The sessions of an existing database, for the review commands; failures end the program with a message.
struct StoredSessions {
    /// The database, as the command line named it.
    let location: String
    let review: any ReviewStore

    /// Runs `body` with the sessions of the database, refusing to create one that is not there;
    /// `script` names the steps the filters and exports read organization and initiative from.
    static func with<Result: Sendable>(
        _ option: DatabaseOption, script: Script? = nil, _ body: (StoredSessions) async throws -> Result
    ) async throws -> Result {
        do {
            return try await option.withStores(script: script) { stores in
                try await body(StoredSessions(location: option.displayName, review: stores.review))
            }
        } catch let error as MaintenanceError {
            throw failure(error.description)
        }
    }

    /// The session's report, or a failure naming the missing id.
    func report(_ id: Int64) async throws -> SessionReport {
        guard let report = try await review.report(ofSession: id) else { throw Self.failure("No session \(id) in \(location).") }
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

import FlowLinksCore
import Foundation

/// What facilitators read back: the sessions list, whole records, the overview and exports, and
/// erasing a session.
public protocol ReviewStore: Sendable {
    /// The sessions that match `filter`, newest first, one page of them, with the number of all matches.
    func sessions(matching filter: SessionFilter) async throws -> SessionPage
    /// Every channel that has a session, in name order.
    func channelsWithSessions() async throws -> [String]
    /// The whole record of a session, read in one consistent snapshot.
    func report(ofSession id: Int64) async throws -> SessionReport?
    /// The full records of every session that matches `filter`, newest first (for exports).
    func reports(matching filter: SessionFilter) async throws -> [SessionReport]
    /// The ids of every session, oldest first.
    func allSessionIDs() async throws -> [Int64]
    /// The chart's counts over all initiatives and each initiative's history.
    func overview() async throws -> Overview
    /// Erases a session and every row that holds its text: answers, transcript, result, notes,
    /// dedupe records and queued replies. Returns false when there was no such session.
    @discardableResult
    func deleteSession(id: Int64) async throws -> Bool
}

/// The steps whose answers name a session's organization and initiative, found in the script by
/// their role, so the review queries follow a renamed step.
public struct NamingSteps: Sendable, Equatable {
    public var organization: StepID?
    public var initiative: StepID?

    public init(organization: StepID?, initiative: StepID?) {
        self.organization = organization
        self.initiative = initiative
    }

    /// The steps that play the organization and initiative roles in `script`.
    public init(_ script: Script) {
        self.init(organization: script.step(for: .organization)?.id, initiative: script.step(for: .initiative)?.id)
    }
}

import FlowLinksCore
import Foundation

/// Workshops: creating, finding and closing them, and the finished sessions their team views count.
public protocol WorkshopStore: Sendable {
    /// Creates a workshop with a new random code; throws `WorkshopError.unknownCode` when
    /// `follows` names no workshop.
    func createWorkshop(
        name: String, organizations: [String], initiatives: [String], closesAt: Date?, follows: String?, now: Date,
        codes: [WorkshopCode]
    ) async throws -> WorkshopRecord
    /// The workshop with this code, typed in any case; `nil` when there is none.
    func workshop(code: String) async throws -> WorkshopRecord?
    /// Every workshop, newest first, with its counts.
    func workshops() async throws -> [WorkshopListing]
    /// The workshop with this code and everything its team views need; `nil` when there is none.
    func workshopReport(code: String) async throws -> WorkshopReport?
    /// Closes the workshop to new people; false when there is no such workshop.
    @discardableResult
    func closeWorkshop(code: String, at now: Date) async throws -> Bool
}

/// Why a workshop could not be made.
public enum WorkshopError: Error, Equatable, CustomStringConvertible {
    case unknownCode(String)

    public var description: String {
        switch self {
        case .unknownCode(let code): "No workshop has the code \(code)."
        }
    }
}

extension WorkshopStore {
    /// Creates a workshop with a code drawn from `generator`.
    public func createWorkshop(
        name: String, organizations: [String] = [], initiatives: [String] = [], closesAt: Date? = nil,
        follows: String? = nil, now: Date, generator: inout some RandomNumberGenerator
    ) async throws -> WorkshopRecord {
        // why: 22^6 codes make a clash rare; a few candidates make it practically impossible.
        let codes = (0..<20).map { _ in WorkshopCode.random(using: &generator) }
        return try await createWorkshop(
            name: name, organizations: organizations, initiatives: initiatives, closesAt: closesAt, follows: follows,
            now: now, codes: codes)
    }
}

import FlowLinksCore
import Foundation
import GRDB

/// A row of `workshops`: sessions grouped for a meeting, joined with the workshop's code.
public struct WorkshopRecord: Codable, Equatable, Sendable, Identifiable {
    public var id: Int64?
    public var code: String
    public var name: String
    /// Offered as choices when not empty.
    public var organizations: [String]
    public var initiatives: [String]
    /// The earlier workshop this one follows, for movement over time.
    public var followsId: Int64?
    /// After this moment the workshop takes no one new.
    public var closesAt: Date?
    /// When a facilitator closed it.
    public var closedAt: Date?
    public var createdAt: Date

    // why: written out (the memberwise one is internal) so that the PostgreSQL store builds workshops too.
    package init(
        id: Int64? = nil, code: String, name: String, organizations: [String], initiatives: [String],
        followsId: Int64? = nil, closesAt: Date? = nil, closedAt: Date? = nil, createdAt: Date
    ) {
        self.id = id
        self.code = code
        self.name = name
        self.organizations = organizations
        self.initiatives = initiatives
        self.followsId = followsId
        self.closesAt = closesAt
        self.closedAt = closedAt
        self.createdAt = createdAt
    }

    /// Whether people can join at `now`.
    public func isOpen(at now: Date) -> Bool {
        closedAt == nil && (closesAt.map { now < $0 } ?? true)
    }

    /// The workshop as a session's state carries it.
    public var link: WorkshopLink {
        WorkshopLink(id: id ?? 0, code: code, name: name, organizations: organizations, initiatives: initiatives)
    }
}

extension WorkshopRecord: FetchableRecord, MutablePersistableRecord, SnakeCaseColumns {
    public static let databaseTableName = "workshops"

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A workshop with how many people joined it and how many finished.
public struct WorkshopListing: Sendable, Equatable {
    public var workshop: WorkshopRecord
    /// Conversations with a session in the workshop that was not abandoned.
    public var joined: Int
    /// Conversations with a finished session in the workshop.
    public var finished: Int

    /// A workshop with its counts.
    // why: public, so another backend's stores (FlowLinksPostgres) can build it from their rows.
    public init(
        workshop: WorkshopRecord, joined: Int, finished: Int
    ) {
        self.workshop = workshop
        self.joined = joined
        self.finished = finished
    }
}

/// Everything the team views of a workshop are worked out from.
public struct WorkshopReport: Sendable {
    public var listing: WorkshopListing
    /// The workshop it follows, if any.
    public var follows: WorkshopRecord?
    /// Each conversation's latest finished session in the workshop.
    public var sessions: [WorkshopAnswers]
    /// The same for the workshop it follows.
    public var earlierSessions: [WorkshopAnswers]

    /// A workshop report from its parts.
    // why: public, so another backend's stores (FlowLinksPostgres) can build it from their rows.
    public init(
        listing: WorkshopListing, follows: WorkshopRecord? = nil, sessions: [WorkshopAnswers], earlierSessions: [WorkshopAnswers]
    ) {
        self.listing = listing
        self.follows = follows
        self.sessions = sessions
        self.earlierSessions = earlierSessions
    }

    public var workshop: WorkshopRecord { listing.workshop }
}

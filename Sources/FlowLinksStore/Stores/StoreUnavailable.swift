/// The database cannot be reached for now (a PostgreSQL server restarting, a connection lost, a
/// SQLite file locked past its wait). Nothing was written; the same request may be sent again.
public struct StoreUnavailable: Error, CustomStringConvertible, Sendable {
    /// What went wrong, for the log; never shown to the sender.
    public var reason: String

    public init(_ reason: String) {
        self.reason = reason
    }

    public var description: String { "the database is unavailable: \(reason)" }

    /// Seconds a sender should wait before trying again.
    public static let retryAfterSeconds = 5
}

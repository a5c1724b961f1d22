import Foundation

/// Keeping the database healthy and small: reachability for health checks, row counts, and the
/// retention purge.
public protocol MaintenanceStore: Sendable {
    /// Whether the database answers a trivial query.
    func isReachable() async -> Bool
    /// How many rows each table of conversation data holds, to show that an erasure left nothing behind.
    func rowCounts() async throws -> [String: Int]
    /// Deletes the sessions last active before `cutoff` with every row of theirs, and the dedupe
    /// records and finished platform calls older than `cutoff` that belong to no session. With
    /// `dryRun` it counts the same rows and deletes nothing. Sessions go `batchSize` at a time,
    /// each batch in its own transaction; a session always goes whole.
    func purge(before cutoff: Date, dryRun: Bool, batchSize: Int) async throws -> PurgeCounts
}

extension MaintenanceStore {
    public func purge(before cutoff: Date, dryRun: Bool) async throws -> PurgeCounts {
        try await purge(before: cutoff, dryRun: dryRun, batchSize: 200)
    }
}

import Foundation

/// The buckets that limit failed sign-ins, per client address and per account name, kept where
/// every server that takes sign-ins sees them: with several replicas, a guesser who spreads
/// attempts across them still meets one limit.
public protocol ThrottleStore: Sendable {
    /// Takes one token from `key`'s bucket of `limit` at `time`; false when the bucket is empty.
    func take(_ limit: ThrottleLimit, key: String, at time: Date) async throws -> Bool
    /// Gives back one token taken from `key`'s bucket, for an attempt that did not count.
    func giveBack(_ limit: ThrottleLimit, key: String) async throws
}

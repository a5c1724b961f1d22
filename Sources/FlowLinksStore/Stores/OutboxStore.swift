import FlowLinksCore
import Foundation

/// The outbox: platform API calls waiting to be made, in order per conversation.
///
/// A call is claimed before it is made: claiming hides it for a lease, so two deliverers (two
/// replicas) never make the same call at once, and a deliverer that dies mid-call leaves it to
/// another once the lease runs out.
public protocol OutboxStore: Sendable {
    /// Claims the pending calls that are due, at most one per conversation (the oldest, so order
    /// holds), hiding each from other deliverers until `now + lease`.
    func claimDueDeliveries(at now: Date, lease: TimeInterval, limit: Int) async throws -> [OutboxRecord]

    /// When the next call falls due (or its lease runs out), if any is waiting: the first pending call
    /// of each conversation counts, not the calls waiting behind it.
    func nextDeliveryDate() async throws -> Date?

    func markDelivered(_ id: Int64, at now: Date) async throws

    /// Records a failed attempt: retried at `retryAt`, or marked failed when `retryAt` is nil.
    func markAttemptFailed(_ id: Int64, error: String, retryAt: Date?) async throws

    /// Queues platform calls that belong to no turn (the slow-down notice of a rate-limited
    /// conversation), after whatever the conversation already has queued.
    func enqueue(_ entries: [PlatformCall], for key: ConversationKey, at now: Date) async throws

    /// The calls in any of `statuses`, newest first, at most `limit` of them, and how many there are.
    func outboxCalls(withStatus statuses: Set<OutboxRecord.Status>, limit: Int) async throws -> OutboxPage

    /// Puts the failed calls with these ids back in the queue with a fresh count of attempts, in one
    /// transaction; when any id is unknown or not failed, re-queues none and says which.
    func requeueFailedDeliveries(ids: [Int64], at now: Date) async throws -> OutboxRequeue

    /// Puts every failed call back in the queue; returns how many.
    func requeueAllFailedDeliveries(at now: Date) async throws -> Int

    func outboxRecord(id: Int64) async throws -> OutboxRecord?
}

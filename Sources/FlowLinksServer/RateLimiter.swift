import FlowLinksStore
import Foundation

/// A token bucket per conversation: a burst of messages at once, then a steady rate per minute.
/// Forged requests never reach it, so they cannot spend a real conversation's budget.
public actor RateLimiter {
    /// What happens to one message.
    public enum Decision: Equatable, Sendable {
        case allowed
        /// Refused, and the first refusal since the last allowed message: worth a word back.
        case refusedFirst
        /// Refused again; the conversation was already told.
        case refusedAgain

        public var isAllowed: Bool { self == .allowed }
    }

    private let limit: ThrottleLimit
    private let now: @Sendable () -> Date
    private var buckets: [String: TokenBucket] = [:]

    public init(perMinute: Int, burst: Int, now: @escaping @Sendable () -> Date = Date.init) {
        self.limit = ThrottleLimit(name: "messages", burst: burst, perMinute: perMinute)
        self.now = now
    }

    /// Takes one message from the conversation's budget; false when it is spent.
    public func allow(_ conversation: String) -> Bool { decide(conversation).isAllowed }

    /// Takes one message from the conversation's budget, and says whether this refusal is news.
    public func decide(_ conversation: String) -> Decision { decideNoting(conversation).decision }

    /// `decide`, and whether the conversation had no budget kept for it: not seen lately.
    public func decideNoting(_ conversation: String) -> (decision: Decision, firstSeen: Bool) {
        let time = now()
        let kept = buckets[conversation]
        var bucket = kept ?? TokenBucket(full: limit, at: time)
        let decision: Decision
        if bucket.take(limit, at: time) {
            bucket.warned = false
            decision = .allowed
        } else {
            decision = bucket.warned ? .refusedAgain : .refusedFirst
            bucket.warned = true
        }
        buckets[conversation] = bucket
        if buckets.count > 10_000 { forgetFullBuckets(at: time) }
        return (decision, kept == nil)
    }

    /// Gives back one message taken from the key's budget, for an attempt that turned out not to count.
    public func refund(_ key: String) {
        buckets[key]?.giveBack(limit)
    }

    /// Drops conversations whose budget has refilled: they are no different from new ones.
    private func forgetFullBuckets(at time: Date) {
        buckets = buckets.filter { !$0.value.isFull(limit, at: time) }
    }
}

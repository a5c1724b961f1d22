import Foundation

/// A token bucket per conversation: a burst of messages at once, then a steady rate per minute.
/// Forged requests never reach it, so they cannot spend a real conversation's budget.
public actor RateLimiter {
    private struct Bucket {
        var tokens: Double
        var updated: Date
    }

    private let perMinute: Double
    private let burst: Double
    private let now: @Sendable () -> Date
    private var buckets: [String: Bucket] = [:]

    public init(perMinute: Int, burst: Int, now: @escaping @Sendable () -> Date = Date.init) {
        self.perMinute = Double(perMinute)
        self.burst = Double(burst)
        self.now = now
    }

    /// Takes one message from the conversation's budget; false when it is spent.
    public func allow(_ conversation: String) -> Bool {
        let time = now()
        var bucket = buckets[conversation] ?? Bucket(tokens: burst, updated: time)
        let refill = time.timeIntervalSince(bucket.updated) * perMinute / 60
        bucket.tokens = min(burst, bucket.tokens + max(0, refill))
        bucket.updated = time
        let allowed = bucket.tokens >= 1
        if allowed { bucket.tokens -= 1 }
        buckets[conversation] = bucket
        if buckets.count > 10_000 { forgetFullBuckets(at: time) }
        return allowed
    }

    /// Drops conversations whose budget has refilled: they are no different from new ones.
    private func forgetFullBuckets(at time: Date) {
        buckets = buckets.filter { _, bucket in
            bucket.tokens + time.timeIntervalSince(bucket.updated) * perMinute / 60 < burst
        }
    }
}

import Foundation

/// The throttle buckets in this process's memory: on SQLite one process serves every request,
/// so its memory is where all of them see the same buckets. They start full after a restart.
public actor InProcessThrottleStore: ThrottleStore {
    /// The buckets of each limit, by key.
    private var buckets: [String: [String: TokenBucket]] = [:]

    public init() {}

    public func take(_ limit: ThrottleLimit, key: String, at time: Date) -> Bool {
        var bucket = buckets[limit.name]?[key] ?? TokenBucket(full: limit, at: time)
        let taken = bucket.take(limit, at: time)
        buckets[limit.name, default: [:]][key] = bucket
        // why: a flood of addresses must not grow memory without end; full buckets are as good as none.
        if let kept = buckets[limit.name], kept.count > 10_000 {
            buckets[limit.name] = kept.filter { !$0.value.isFull(limit, at: time) }
        }
        return taken
    }

    public func giveBack(_ limit: ThrottleLimit, key: String) {
        buckets[limit.name]?[key]?.giveBack(limit)
    }
}

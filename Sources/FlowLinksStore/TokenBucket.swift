import Foundation

/// A budget that refills at a steady rate up to a burst: the arithmetic of every limit on
/// messages and sign-ins, wherever the bucket is kept (in the process, or in the database).
public struct TokenBucket: Sendable, Equatable {
    public var tokens: Double
    public var updated: Date
    /// The holder was already told to slow down since its last allowed use.
    public var warned: Bool

    public init(tokens: Double, updated: Date, warned: Bool = false) {
        self.tokens = tokens
        self.updated = updated
        self.warned = warned
    }

    /// A full bucket, as a holder not seen lately has.
    public init(full limit: ThrottleLimit, at time: Date) {
        self.init(tokens: limit.burst, updated: time)
    }

    /// Refills the bucket for the time since it was last used, then takes one token if there is
    /// one; true when it was taken.
    public mutating func take(_ limit: ThrottleLimit, at time: Date) -> Bool {
        let refill = time.timeIntervalSince(updated) * limit.perMinute / 60
        tokens = min(limit.burst, tokens + max(0, refill))
        updated = time
        guard tokens >= 1 else { return false }
        tokens -= 1
        return true
    }

    /// Gives back one token taken for a use that turned out not to count.
    public mutating func giveBack(_ limit: ThrottleLimit) {
        tokens = min(limit.burst, tokens + 1)
    }

    /// Whether the bucket has refilled by `time`: then it is no different from a new one.
    public func isFull(_ limit: ThrottleLimit, at time: Date) -> Bool {
        tokens + time.timeIntervalSince(updated) * limit.perMinute / 60 >= limit.burst
    }
}

/// A limit: a burst at once, then a steady number per minute. `name` keeps the buckets of
/// different limits apart where they are stored together.
public struct ThrottleLimit: Sendable, Equatable {
    public let name: String
    public let burst: Double
    public let perMinute: Double

    public init(name: String, burst: Int, perMinute: Int) {
        self.name = name
        self.burst = Double(burst)
        self.perMinute = Double(perMinute)
    }

    /// How long an untouched bucket takes to refill from empty.
    public var refillTime: TimeInterval { burst / perMinute * 60 }
}

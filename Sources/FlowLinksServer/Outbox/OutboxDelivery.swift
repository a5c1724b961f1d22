import FlowLinksStore
import Foundation
import Logging
import ServiceLifecycle

/// Delivers queued platform API calls after their turn commits: in order per conversation, with
/// exponential backoff and jitter, honouring the platform's Retry-After, giving up after a
/// configured number of attempts. What is pending at start-up is delivered then.
public struct OutboxDelivery: Service {
    let outbox: any OutboxStore
    let senders: [String: any PlatformSender]
    let maxAttempts: Int
    let wakeup: Wakeup
    let metrics: ServerMetrics
    let logger: Logger
    let now: @Sendable () -> Date
    /// A factor in 0.5...1 applied to each backoff, so retries from many rows spread out.
    let jitter: @Sendable () -> Double

    public init(
        outbox: any OutboxStore, senders: [String: any PlatformSender], maxAttempts: Int, wakeup: Wakeup = Wakeup(),
        metrics: ServerMetrics = ServerMetrics(), logger: Logger = Logger(label: "flowlinks.outbox"),
        now: @escaping @Sendable () -> Date = Date.init, jitter: @escaping @Sendable () -> Double = { .random(in: 0.5...1) }
    ) {
        self.outbox = outbox
        self.senders = senders
        self.maxAttempts = maxAttempts
        self.wakeup = wakeup
        self.metrics = metrics
        self.logger = logger
        self.now = now
        self.jitter = jitter
    }

    /// The first retry waits this long; each further one twice as long, up to `maximumBackoff`.
    static let firstBackoff: TimeInterval = 1
    static let maximumBackoff: TimeInterval = 3600
    /// How often an idle worker looks for work it was not told about: calls re-queued by
    /// `flowlinks outbox retry`, another process's rows. One indexed query; cheap.
    static let idleCheck: TimeInterval = 5

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    try await deliverDue()
                } catch is CancellationError {
                    return
                } catch {
                    logger.error("Outbox pass failed", metadata: ["error": "\(error)"])
                }
                let next = try? await outbox.nextDeliveryDate()
                let seconds = next.map { max(0, min(Self.idleCheck, $0.timeIntervalSince(now()))) } ?? Self.idleCheck
                await wakeup.wait(timeout: .milliseconds(Int(seconds * 1000)))
            }
        }
    }

    /// How long a claimed call is hidden from other deliverers. Each pass claims only the calls it
    /// starts at once, and a call gives up after `PlatformHTTP`'s 10 s, so a call is never made twice
    /// at the same time; a deliverer that dies mid-call (a killed process, a lost replica) leaves
    /// the call to the next pass after this long.
    static let lease: TimeInterval = 20

    /// Conversations whose next call is made at the same time, so one slow platform or one
    /// unreachable chat does not hold every other conversation's replies back.
    static let concurrentCalls = 8

    /// One pass: every call that is due, oldest first, one per conversation at a time. A claimed
    /// call that fails waits for its retry time, so the next claim moves on to other conversations.
    @discardableResult
    public func deliverDue() async throws -> Int {
        var delivered = 0
        while true {
            let due = try await outbox.claimDueDeliveries(at: now(), lease: Self.lease, limit: Self.concurrentCalls)
            if due.isEmpty { return delivered }
            delivered += try await attemptAll(due)
        }
    }

    /// Attempts the heads of different conversations at the same time; returns how many were delivered.
    private func attemptAll(_ calls: [OutboxRecord]) async throws -> Int {
        try await withThrowingTaskGroup(of: Bool.self) { group in
            for call in calls { group.addTask { try await attempt(call) } }
            var delivered = 0
            for try await wasDelivered in group where wasDelivered { delivered += 1 }
            return delivered
        }
    }

    /// Makes one call and records how it went; true when it was delivered.
    private func attempt(_ call: OutboxRecord) async throws -> Bool {
        guard let id = call.id else { return false }
        guard let sender = senders[call.channel] else {
            try await outbox.markAttemptFailed(id, error: "no sender for channel \(call.channel)", retryAt: nil)
            return false
        }
        switch await sender.send(call) {
        case .delivered:
            try await outbox.markDelivered(id, at: now())
            metrics.outboxDelivered(channel: call.channel)
            return true
        case .refused(let reason):
            metrics.outboxFailed(channel: call.channel)
            logger.warning("Platform refused a reply", metadata: ["channel": "\(call.channel)", "reason": "\(reason)"])
            try await outbox.markAttemptFailed(id, error: reason, retryAt: nil)
            return false
        case .retry(let reason, let retryAfter):
            metrics.outboxFailed(channel: call.channel)
            let attempts = call.attempts + 1
            let retryAt = attempts >= maxAttempts ? nil : now().addingTimeInterval(retryAfter ?? backoff(after: attempts))
            logger.notice(
                "Reply delivery will be retried",
                metadata: ["channel": "\(call.channel)", "reason": "\(reason)", "attempts": "\(attempts)"])
            try await outbox.markAttemptFailed(id, error: reason, retryAt: retryAt)
            return false
        }
    }

    func backoff(after attempts: Int) -> TimeInterval {
        let exponential = Self.firstBackoff * pow(2, Double(max(0, attempts - 1)))
        return min(Self.maximumBackoff, exponential) * jitter()
    }
}

// why: the service group logs each service's printed form at debug level; the senders inside
// hold API tokens, which must not be printed, and the rest says nothing an operator needs.
extension OutboxDelivery: CustomStringConvertible {
    public var description: String { "OutboxDelivery(platforms: \(senders.keys.sorted().joined(separator: ", ")))" }
}

import Foundation
import NIOPosix

#if canImport(Glibc)
    import Glibc
#endif

/// Runs password hashing and checking (bcrypt, a fraction of a second of CPU each) on
/// threads of its own at low priority, never on Swift's cooperative threads that serve every
/// request, and only a few at once: the rest wait in a short queue, and beyond it are turned away.
public actor PasswordChecks {
    /// At most this many run at once.
    public let slots: Int
    /// At most this many wait for a slot; more are turned away.
    public let queueLimit: Int
    private let pool: NIOThreadPool
    private var running = 0
    private var queue: [CheckedContinuation<Void, Never>] = []

    /// Half the processor cores (at least one) run checks; the other half keep answering webhooks.
    public static var defaultSlots: Int { max(1, ProcessInfo.processInfo.activeProcessorCount / 2) }

    /// The threads every instance runs checks on, as many as `defaultSlots`, started on first use.
    // why: one pool for the process; a pool per server (tests build hundreds) would leak threads.
    static let threads: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: defaultSlots)
        pool.start()
        return pool
    }()

    public init(slots: Int = PasswordChecks.defaultSlots, queueLimit: Int = 8) {
        self.slots = max(1, slots)
        self.queueLimit = max(0, queueLimit)
        self.pool = Self.threads
    }

    /// Runs `work` on the pool once a slot is free; `nil`, without running it, when the queue is full.
    public func run<Value: Sendable>(_ work: @escaping @Sendable () throws -> Value) async throws -> Value? {
        guard await enter() else { return nil }
        defer { leave() }
        return try await pool.runIfActive {
            Self.lowerThisThreadsPriority()
            return try work()
        }
    }

    /// Makes the calling thread yield the processor to the request threads whenever they want it.
    // why: a flood of sign-ins then slows sign-ins, not the conversations; bcrypt still gets every
    // idle cycle. On Linux the nice value belongs to the thread; raising it needs no privilege.
    private static func lowerThisThreadsPriority() {
        #if os(Linux)
            _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 10)
        #elseif canImport(Darwin)
            _ = pthread_set_qos_class_self_np(QOS_CLASS_UTILITY, 0)
        #endif
    }

    /// How many checks wait for a slot now.
    public var waiting: Int { queue.count }

    private func enter() async -> Bool {
        if running < slots {
            running += 1
            return true
        }
        guard queue.count < queueLimit else { return false }
        // why: the slot is handed over by `leave`, so `running` stays counted for the waiter.
        await withCheckedContinuation { queue.append($0) }
        return true
    }

    private func leave() {
        if queue.isEmpty {
            running -= 1
        } else {
            queue.removeFirst().resume()
        }
    }
}

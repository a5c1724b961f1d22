import FlowLinksCore
import Foundation

/// How replies to each choice question went on each channel since the server started, for the
/// facilitators' overview: which question confuses people. The same counts go to `/metrics`.
public final class ReadingTally: @unchecked Sendable {
    /// The counts of one question on one channel.
    public struct Row: Sendable, Equatable {
        public let step: StepID
        public let channel: String
        public var counts: [ReadingOutcome: Int]

        /// Replies to the question in all: every outcome but leaving counts one reply.
        public var replies: Int { counts.filter { $0.key != .abandoned }.values.reduce(0, +) }
        /// The share of replies that were not understood.
        public var missRate: Double {
            let missed = (counts[.reasked] ?? 0) + (counts[.reaskedTwice] ?? 0)
            return replies == 0 ? 0 : Double(missed) / Double(replies)
        }
    }

    private struct Key: Hashable {
        let step: StepID
        let channel: String
    }

    private var counts: [Key: [ReadingOutcome: Int]] = [:]
    // why: turns of different conversations count at once on different threads.
    private let lock = NSLock()

    public init() {}

    func count(_ event: ReadingEvent, channel: String) {
        lock.lock()
        defer { lock.unlock() }
        counts[Key(step: event.step, channel: channel), default: [:]][event.outcome, default: 0] += 1
    }

    /// Every question and channel with a reply so far, in the script's order, then by channel.
    public func rows(in script: Script) -> [Row] {
        lock.lock()
        let snapshot = counts
        lock.unlock()
        let order = Dictionary(uniqueKeysWithValues: script.everyChoiceStep.enumerated().map { ($1.id, $0) })
        return snapshot.map { Row(step: $0.key.step, channel: $0.key.channel, counts: $0.value) }
            .sorted { (order[$0.step] ?? .max, $0.channel) < (order[$1.step] ?? .max, $1.channel) }
    }
}

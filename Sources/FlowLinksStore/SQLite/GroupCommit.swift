import GRDB
import Synchronization

/// Commits turns that arrive together in one write transaction (group commit).
///
/// Each turn runs in its own savepoint, so a failing turn rolls back alone and every turn's rows
/// still commit together or not at all; no turn's caller hears back before the transaction holding
/// its rows has committed. Turns run in the order they arrived, so one conversation's turns stay
/// in order. The first caller to find no commit under way starts the commits: the writer takes
/// the queue batch after batch until it is empty.
final class GroupCommit: Sendable {
    private struct Queue {
        var waiting: [Work] = []
        var leading = false
    }

    /// One caller's work and how to answer it.
    private final class Work: Sendable {
        let run: @Sendable (Database) -> Void
        let fail: @Sendable (any Error) -> Void
        let finish: @Sendable () -> Void

        init(
            run: @escaping @Sendable (Database) -> Void, fail: @escaping @Sendable (any Error) -> Void,
            finish: @escaping @Sendable () -> Void
        ) {
            self.run = run
            self.fail = fail
            self.finish = finish
        }
    }

    private let writer: any DatabaseWriter
    private let queue = Mutex(Queue())
    /// The most turns one transaction takes, so a long queue still commits in bounded steps.
    private let maximumBatch: Int

    /// Hears how long each shared transaction takes.
    private let observer: (any SQLiteWriteObserver)?

    init(writer: any DatabaseWriter, maximumBatch: Int = 256, observer: (any SQLiteWriteObserver)? = nil) {
        self.writer = writer
        self.maximumBatch = maximumBatch
        self.observer = observer
    }

    /// Runs `body` inside a shared write transaction and returns its value once that has committed.
    func write<Value: Sendable>(_ body: @escaping @Sendable (Database) throws -> Value) async throws -> Value {
        try await withCheckedThrowingContinuation { continuation in
            let outcome = Mutex<Result<Value, any Error>?>(nil)
            let work = Work(
                run: { db in
                    do {
                        var value: Value?
                        try db.inSavepoint {
                            value = try body(db)
                            return .commit
                        }
                        if let value { outcome.withLock { $0 = .success(value) } }
                    } catch {
                        outcome.withLock { $0 = .failure(error) }
                    }
                },
                fail: { error in continuation.resume(throwing: error) },
                finish: {
                    let result = outcome.withLock { $0 } ?? .failure(DatabaseError(message: "a turn produced no result"))
                    continuation.resume(with: result)
                })
            let leads = queue.withLock { queue in
                queue.waiting.append(work)
                guard !queue.leading else { return false }
                queue.leading = true
                return true
            }
            // why: the batches run straight on the writer's queue, not from a task that awaits the
            // writer, which saves two thread hops per batch.
            if leads { writer.asyncWriteWithoutTransaction { db in self.commitNextBatch(db) } }
        }
    }

    /// Commits the turns waiting, up to `maximumBatch`, then queues the next batch behind any other
    /// write waiting for the writer, or stops leading when no turn is left.
    private func commitNextBatch(_ db: Database) {
        let batch = queue.withLock { queue -> [Work] in
            let batch = Array(queue.waiting.prefix(maximumBatch))
            queue.waiting.removeFirst(batch.count)
            return batch
        }
        do {
            let start = ContinuousClock.now
            try db.inTransaction {
                for work in batch { work.run(db) }
                return .commit
            }
            observer?.committed(turns: batch.count, in: ContinuousClock.now - start)
            for work in batch { work.finish() }
        } catch {
            for work in batch { work.fail(error) }
        }
        let more = queue.withLock { queue in
            if queue.waiting.isEmpty { queue.leading = false }
            return queue.leading
        }
        if more { writer.asyncWriteWithoutTransaction { db in self.commitNextBatch(db) } }
    }
}

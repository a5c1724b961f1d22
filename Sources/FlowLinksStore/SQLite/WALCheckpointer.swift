import CSQLiteWAL
import Dispatch
import Foundation
import GRDB
import Synchronization

/// Where the write-ahead log is copied back into the database file.
public enum WALCheckpointing: String, Sendable, CaseIterable {
    /// On a thread and a connection of its own, beside the writer (the default).
    case background
    /// Inside the commit that makes the log long enough, as SQLite does by default: every turn in
    /// that commit waits for the copy and its flush. Kept to measure the difference.
    case commit
}

/// Told how long the SQLite writer's work takes, for the server's metrics.
public protocol SQLiteWriteObserver: Sendable {
    /// One shared write transaction: `turns` turns written and committed in `duration`.
    func committed(turns: Int, in duration: Duration)
    /// One checkpoint: `pages` pages copied into the database file in `duration`; `onCommitPath`
    /// when a commit waited for it.
    func checkpointed(pages: Int, in duration: Duration, onCommitPath: Bool)
}

/// Copies the write-ahead log back into the database file (a checkpoint), off the commit path.
///
/// SQLite's automatic checkpoint runs inside the commit that takes the log past 1,000 pages, so
/// every turn of that commit waits for the copy and its flush. Here the writer's automatic
/// checkpoint is off. After each commit SQLite says how long the log is (`sqlite3_wal_hook`);
/// once `pages` of it are not yet copied, a passive checkpoint runs on a connection and a thread
/// of its own, beside the writer and the readers, and a timer does the same for a quiet server
/// with a tenth of that waiting. The connection is open only while it copies, so the file is
/// closed as soon as the database is let go.
///
/// The log starts again from its beginning only after a checkpoint that copied all of it, and
/// under steady load the writer always appends a little more while a checkpoint beside it runs:
/// alone, the background copies would let the log grow without end (a 180 s soak took it to
/// 3 GB). So once the log holds `restartPages`, the writer copies the few pages the background
/// has not, at that commit, and the next commit starts the log again. Should `writerPages` be
/// waiting uncopied (checkpoints failing, or falling behind), the writer copies them too.
final class WALCheckpointer: Sendable {
    let path: String
    let mode: WALCheckpointing
    let pages: Int
    let restartPages: Int
    let writerPages: Int
    let observer: (any SQLiteWriteObserver)?
    private let queue = DispatchQueue(label: "flowlinks.wal-checkpoint", qos: .utility)
    private let state = Mutex(State())
    private let interval: DispatchTimeInterval

    private struct State {
        /// Frames of this round of the log copied so far; the log restarts from the beginning
        /// after a complete copy, which the next commit's shorter log shows.
        var copiedFrames = 0
        var logFrames = 0
        var scheduled = false
    }

    init(
        path: String, mode: WALCheckpointing, pages: Int = 1_000, restartPages: Int = 4_000, writerPages: Int = 10_000,
        interval: DispatchTimeInterval = .seconds(2), observer: (any SQLiteWriteObserver)?
    ) {
        self.path = path
        self.mode = mode
        self.pages = pages
        self.restartPages = restartPages
        self.writerPages = writerPages
        self.observer = observer
        self.interval = interval
        if mode == .background { checkpointLater() }
    }

    /// The timer: every `interval`, a checkpoint if a tenth of `pages` waits, until this object goes.
    private func checkpointLater() {
        queue.asyncAfter(deadline: .now() + interval) { [weak self] in
            self?.checkpointIfBehind(by: max((self?.pages ?? 0) / 10, 1))
            self?.checkpointLater()
        }
    }

    /// Sets up the writer's connection: automatic checkpoints off, the hook on, and the log file
    /// cut back to a few megabytes after it restarts.
    func prepareWriter(_ db: Database) throws {
        try db.execute(sql: "PRAGMA wal_autocheckpoint = 0")
        try db.execute(sql: "PRAGMA journal_size_limit = \(restartPages * 4_096)")
        // why: the hook outlives no database but may outlive this object; the box holds it weakly.
        let box = Unmanaged.passRetained(WeakCheckpointer(self)).toOpaque()
        sqlite3_wal_hook(
            db.sqliteConnection,
            { context, connection, name, frames in
                guard let context else { return SQLITE_OK }
                let checkpointer = Unmanaged<WeakCheckpointer>.fromOpaque(context).takeUnretainedValue().checkpointer
                checkpointer?.committed(logFrames: Int(frames), connection: connection, name: name)
                return SQLITE_OK
            }, box)
    }

    /// After each commit, on the writer: schedules a checkpoint, or runs one when it must.
    private func committed(logFrames: Int, connection: OpaquePointer?, name: UnsafePointer<CChar>?) {
        let uncopied = state.withLock { state in
            state.logFrames = logFrames
            if logFrames < state.copiedFrames { state.copiedFrames = 0 }
            return logFrames - state.copiedFrames
        }
        switch mode {
        case .commit where uncopied >= pages,
            .background where uncopied >= writerPages || (logFrames >= restartPages && uncopied > 0):
            let start = ContinuousClock.now
            var total: CInt = 0
            var copied: CInt = 0
            guard sqlite3_wal_checkpoint_v2(connection, name, SQLITE_CHECKPOINT_PASSIVE, &total, &copied) == SQLITE_OK
            else { return }
            observer?.checkpointed(pages: recordCopied(Int(copied)), in: ContinuousClock.now - start, onCommitPath: true)
        case .background where uncopied >= pages:
            let schedules = state.withLock { state in
                defer { state.scheduled = true }
                return !state.scheduled
            }
            if schedules { queue.async { [weak self] in self?.checkpointIfBehind(by: 1) } }
        default:
            break
        }
    }

    /// Notes how much of this round of the log is copied and returns the pages the checkpoint added.
    // why: SQLite counts the frames copied so far, by every checkpoint of this round of the log.
    private func recordCopied(_ copied: Int) -> Int {
        state.withLock { state in
            defer { state.copiedFrames = max(copied, 0) }
            return max(copied - state.copiedFrames, 0)
        }
    }

    /// On this object's queue: a passive checkpoint when the log holds `pages` or more not yet copied.
    private func checkpointIfBehind(by pages: Int) {
        let behind = state.withLock { state in
            state.scheduled = false
            return state.logFrames - state.copiedFrames >= pages
        }
        guard behind else { return }
        do {
            var configuration = Configuration()
            configuration.prepareDatabase { db in _ = flowlinks_skip_checkpoint_on_close(db.sqliteConnection) }
            let connection = try DatabaseQueue(path: path, configuration: configuration)
            let start = ContinuousClock.now
            let (_, copied) = try connection.writeWithoutTransaction { db in try db.checkpoint(.passive) }
            observer?.checkpointed(pages: recordCopied(copied), in: ContinuousClock.now - start, onCommitPath: false)
        } catch {
            // why: a busy or failing checkpoint is retried by the timer; the writer steps in past `writerPages`.
        }
    }
}

/// The wal hook's context: a weak reference, so the hook never keeps a checkpointer alive.
private final class WeakCheckpointer: @unchecked Sendable {
    weak var checkpointer: WALCheckpointer?
    init(_ checkpointer: WALCheckpointer) { self.checkpointer = checkpointer }
}

import FlowLinksCore
import Foundation
import GRDB

/// The embedded SQLite database: owns the connection and runs the migrations. The stores
/// (`stores(naming:)`) share it; every turn is one write transaction.
public struct SQLiteDatabase: Sendable {
    let writer: any DatabaseWriter
    /// Shares write transactions between webhook turns that arrive together.
    let turns: GroupCommit
    /// Copies the file's write-ahead log back into it; `nil` in memory.
    let checkpoints: WALCheckpointer?

    /// Opens (and migrates) the database in `writer`.
    public init(_ writer: any DatabaseWriter) throws {
        try self.init(writer, checkpoints: nil, observer: nil)
    }

    private init(
        _ writer: any DatabaseWriter, checkpoints: WALCheckpointer?, observer: (any SQLiteWriteObserver)?
    ) throws {
        self.writer = writer
        self.turns = GroupCommit(writer: writer, observer: observer)
        self.checkpoints = checkpoints
        try Self.migrator.migrate(writer)
    }

    /// Opens the SQLite file at `path` in WAL mode, creating it when missing. The write-ahead log
    /// is copied back into the file as `checkpointing` says; `observer` hears how long commits
    /// and checkpoints take.
    public static func open(
        path: String, checkpointing: WALCheckpointing = .background, observer: (any SQLiteWriteObserver)? = nil
    ) throws -> SQLiteDatabase {
        try open(path: path, checkpoints: WALCheckpointer(path: path, mode: checkpointing, observer: observer))
    }

    /// Opens the SQLite file at `path` with the checkpoints as given (tests set their thresholds).
    static func open(path: String, checkpoints: WALCheckpointer) throws -> SQLiteDatabase {
        let observer = checkpoints.observer
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        configuration.prepareDatabase { db in
            // why: with WAL, NORMAL keeps every committed turn across a process crash (kill -9);
            // only a power loss can drop the last commits, and it never corrupts the file.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // why: erased and purged text is overwritten with zeros in the file, not left in free pages.
            try db.execute(sql: "PRAGMA secure_delete = ON")
            if !db.configuration.readonly { try checkpoints.prepareWriter(db) }
        }
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return try SQLiteDatabase(
            DatabasePool(path: path, configuration: configuration), checkpoints: checkpoints, observer: observer)
    }

    /// An empty in-memory database, for tests.
    public static func inMemory() throws -> SQLiteDatabase {
        try SQLiteDatabase(DatabaseQueue())
    }

    /// Every store, on this database; the review queries find names through `naming`.
    public func stores(naming: NamingSteps) -> Stores {
        Stores(
            conversations: SQLiteConversationStore(database: self), outbox: SQLiteOutboxStore(writer: writer),
            facilitators: SQLiteFacilitatorStore(writer: writer), review: SQLiteReviewStore(writer: writer, naming: naming),
            workshops: SQLiteWorkshopStore(writer: writer), maintenance: SQLiteMaintenanceStore(writer: writer),
            throttles: InProcessThrottleStore())
    }
}

import FlowLinksCore
import FlowLinksTesting
import Foundation
import GRDB
import Synchronization
import Testing

@testable import FlowLinksStore

@Suite("The write-ahead log: copied back beside the writer, never unbounded", .timeLimit(.minutes(1)))
struct WALCheckpointTests {
    /// What the database told its observer.
    final class Recorder: SQLiteWriteObserver {
        struct Checkpoint: Sendable {
            let pages: Int
            let onCommitPath: Bool
        }

        let checkpoints = Mutex<[Checkpoint]>([])
        let commits = Mutex<[Int]>([])
        let background: AsyncStream<Checkpoint>
        private let backgroundContinuation: AsyncStream<Checkpoint>.Continuation

        init() { (background, backgroundContinuation) = AsyncStream.makeStream() }

        func committed(turns: Int, in duration: Duration) { commits.withLock { $0.append(turns) } }

        func checkpointed(pages: Int, in duration: Duration, onCommitPath: Bool) {
            let checkpoint = Checkpoint(pages: pages, onCommitPath: onCommitPath)
            checkpoints.withLock { $0.append(checkpoint) }
            if !onCommitPath { backgroundContinuation.yield(checkpoint) }
        }
    }

    /// A database file whose log is copied after `pages` pages in the background, finished by the
    /// writer at `restartPages` and copied by it at `writerPages`; the timer never fires in a test.
    func open(
        _ mode: WALCheckpointing, pages: Int, restartPages: Int = 100_000, writerPages: Int, recorder: Recorder
    ) throws -> (SQLiteDatabase, path: String) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("wal-\(UUID()).sqlite").path
        let checkpoints = WALCheckpointer(
            path: path, mode: mode, pages: pages, restartPages: restartPages, writerPages: writerPages,
            interval: .seconds(3600), observer: recorder)
        let database = try SQLiteDatabase.open(path: path, checkpoints: checkpoints)
        try database.writer.write { db in try db.execute(sql: "CREATE TABLE filler (data BLOB)") }
        return (database, path)
    }

    /// Commits `count` transactions of 64 kB each (about 17 pages of log apiece).
    func fill(_ database: SQLiteDatabase, transactions count: Int) throws {
        for _ in 0..<count {
            try database.writer.write { db in try db.execute(sql: "INSERT INTO filler VALUES (randomblob(65536))") }
        }
    }

    func logSize(_ path: String) -> Int64 { DatabaseFile(path: path).writeAheadLogSize }

    func remove(_ path: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    @Test func aLongLogIsCopiedBackBesideTheWriterNotInsideACommit() async throws {
        let recorder = Recorder()
        let (database, path) = try open(.background, pages: 50, writerPages: 100_000, recorder: recorder)
        defer { remove(path) }
        try fill(database, transactions: 6)
        var copies = recorder.background.makeAsyncIterator()
        let copy = try #require(await copies.next())
        #expect(copy.pages >= 50)
        #expect(recorder.checkpoints.withLock { $0 }.allSatisfy { !$0.onCommitPath }, "no commit waited for a copy")
        _ = database
    }

    @Test func inCommitModeTheCommitThatFillsTheLogCopiesIt() throws {
        let recorder = Recorder()
        let (database, path) = try open(.commit, pages: 50, writerPages: 100_000, recorder: recorder)
        defer { remove(path) }
        try fill(database, transactions: 6)
        let checkpoints = recorder.checkpoints.withLock { $0 }
        #expect(!checkpoints.isEmpty)
        #expect(checkpoints.allSatisfy { $0.onCommitPath })
    }

    @Test func theWriterCopiesTheLogItselfWhenNoCheckpointKeepsUp() throws {
        let recorder = Recorder()
        // why: a background threshold never reached stands for a checkpointer that has fallen behind.
        let (database, path) = try open(.background, pages: 100_000, writerPages: 50, recorder: recorder)
        defer { remove(path) }
        try fill(database, transactions: 200)
        let checkpoints = recorder.checkpoints.withLock { $0 }
        #expect(checkpoints.count >= 10)
        #expect(checkpoints.allSatisfy { $0.onCommitPath })
        // why: 200 × 64 kB went through the log; reused after each copy, it stays near 50 pages.
        #expect(logSize(path) < 1_000_000, "the log grew to \(logSize(path)) bytes")
    }

    @Test func underSteadyWritesTheLogStartsAgainInsteadOfGrowing() throws {
        let recorder = Recorder()
        // why: background copies alone never catch a writer that keeps appending, and the log only
        // starts again after a copy of all of it; the writer finishes each copy at 200 pages.
        let (database, path) = try open(.background, pages: 50, restartPages: 200, writerPages: 100_000, recorder: recorder)
        defer { remove(path) }
        try fill(database, transactions: 400)
        // why: 400 × 64 kB went through the log; started again every 200 pages, it stays near that.
        #expect(logSize(path) < 4_000_000, "the log grew to \(logSize(path)) bytes")
        let copied = recorder.checkpoints.withLock { $0 }
        #expect(copied.contains { $0.onCommitPath }, "the writer finished a copy")
    }

    @Test func eachSharedCommitIsReportedWithItsTurns() async throws {
        let recorder = Recorder()
        let (database, path) = try open(.background, pages: 1_000, writerPages: 10_000, recorder: recorder)
        defer { remove(path) }
        let message = InboundMessage(key: ConversationKey(channel: "generic", conversation: "team-a"), text: "hello")
        _ = try await database.conversations.converse(
            message, eventID: "1", engine: Engine(script: DefaultPrompts.script), now: Date()
        ) { ($0.replies, []) }
        #expect(recorder.commits.withLock { $0 } == [1])
    }
}

import Foundation
import GRDB

/// Conversations that have committed, as a writer running beside a test reports them.
public actor CommittedConversations {
    public private(set) var names: [String] = []
    private var waiters: [(count: Int, continuation: CheckedContinuation<Void, Never>)] = []

    public init() {}

    public func add(_ name: String) {
        names.append(name)
        let ready = waiters.filter { $0.count <= names.count }
        waiters.removeAll { $0.count <= names.count }
        ready.forEach { $0.continuation.resume() }
    }

    /// Returns once at least `count` conversations have committed.
    public func wait(for count: Int) async {
        guard names.count < count else { return }
        await withCheckedContinuation { waiters.append((count, $0)) }
    }
}

/// A database file going wrong, on purpose.
public enum DatabaseDamage {
    /// Writes garbage over one page of the file, after folding its write-ahead log into it, as a
    /// failing disk might.
    /// A connection that waits out another's brief lock, as the `db` commands' connections do.
    // why: a database a test has just let go closes on its writer's thread, and the last
    // connection to close takes the file's lock for a moment to fold the log into the file.
    static func connection(to path: String) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        return try DatabaseQueue(path: path, configuration: configuration)
    }

    public static func overwritePage(_ page: Int, of path: String) throws {
        let queue = try connection(to: path)
        _ = try queue.writeWithoutTransaction { try $0.checkpoint(.truncate) }
        try queue.close()
        guard let handle = FileHandle(forUpdatingAtPath: path) else { throw CocoaError(.fileNoSuchFile) }
        try handle.seek(toOffset: UInt64((page - 1) * 4096))
        try handle.write(contentsOf: Data(repeating: 0xA5, count: 4096))
        try handle.close()
    }

    /// Forgets that the migrations whose names start with `prefix` were applied, as if the file
    /// came from an older release.
    public static func unrecordMigrations(startingWith prefix: String, of path: String) throws {
        try connection(to: path).write { db in
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier LIKE ?", arguments: ["\(prefix)%"])
        }
    }
}

/// A long-running writer of webhook conversations, one new conversation after another, until cancelled.
public func keepConversing(
    _ conversations: WebhookConversations, reportingTo committed: CommittedConversations
) -> Task<Void, Error> {
    Task {
        var number = 0
        while !Task.isCancelled {
            number += 1
            try await conversations.say(["hello", "Riverside \(number)"], in: "load-\(number)", at: Date())
            await committed.add("load-\(number)")
        }
    }
}

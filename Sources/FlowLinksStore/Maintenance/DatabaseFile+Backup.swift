import Foundation
import GRDB

/// What a backup or restore wrote.
public struct CopySummary: Sendable, Equatable {
    public var path: String
    public var bytes: Int64
    /// Sessions in the copy; nil when it has no sessions table.
    public var sessions: Int?
    public var migrations: MigrationStatus
}

extension DatabaseFile {
    /// Copies the database as it is at one moment to `destination`, while a server may keep
    /// writing: one self-contained file, checked before it is moved into place.
    public func backup(to destination: String, overwrite: Bool) throws -> CopySummary {
        let target = DatabaseFile(path: destination)
        guard overwrite || !target.exists else { throw MaintenanceError.alreadyExists(path: destination) }
        let source = try connection()
        let partial = target.partialPath("partial")
        defer { try? FileManager.default.removeItem(atPath: partial) }
        let copy = try DatabaseQueue(path: partial)
        // why: SQLite's backup reads the whole file in one step, in one read transaction: a snapshot
        // that holds every commit made before it began, while WAL lets the server keep writing.
        try source.backup(to: copy)
        try source.close()
        let (sessions, migrations) = try Self.seal(copy, path: path)
        try target.replace(with: partial)
        return CopySummary(path: destination, bytes: target.size, sessions: sessions, migrations: migrations)
    }
}

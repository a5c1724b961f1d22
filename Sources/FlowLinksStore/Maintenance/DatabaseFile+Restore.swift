import Foundation
import GRDB

extension DatabaseFile {
    /// Replaces this database with a checked copy of `backup`. Refuses while another process has
    /// this database open, and, unless `replacingData`, when it holds any rows.
    public func restore(from backup: DatabaseFile, replacingData: Bool) throws -> CopySummary {
        let source = try backup.connection()
        if exists {
            guard !isInUse() else { throw MaintenanceError.inUse(path: path) }
            if !replacingData {
                let current = try connection()
                let rows = try current.read(Self.dataRowCount)
                try current.close()
                guard rows == 0 else { throw MaintenanceError.holdsData(path: path, rows: rows) }
            }
        }
        try FileManager.default.createDirectory(
            at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true)
        let partial = partialPath("restoring")
        defer { try? FileManager.default.removeItem(atPath: partial) }
        let copy = try DatabaseQueue(path: partial)
        try source.backup(to: copy)
        try source.close()
        let (sessions, migrations) = try Self.seal(copy, path: backup.path)
        guard migrations.applied.contains(where: migrations.known.contains) else {
            throw MaintenanceError.notFlowLinks(path: backup.path)
        }
        guard migrations.unknown.isEmpty else {
            throw MaintenanceError.newerSchema(path: backup.path, unknownMigrations: migrations.unknown)
        }
        try replace(with: partial)
        return CopySummary(path: path, bytes: size, sessions: sessions, migrations: migrations)
    }
}

import FlowLinksStore
import Foundation

/// How the `db` commands word what they find in a database.
enum DatabaseReport {
    static func sessions(_ count: Int?) -> String {
        guard let count else { return "no sessions table" }
        return count == 1 ? "1 session" : "\(count) sessions"
    }

    static func size(_ bytes: Int64) -> String {
        bytes < 1_000_000
            ? String(format: "%.1f kB", Double(bytes) / 1000) : String(format: "%.1f MB", Double(bytes) / 1_000_000)
    }

    /// The lines of `db check`'s report.
    static func lines(_ health: DatabaseHealth, file: DatabaseFile, writeAheadLog: Int64) -> [String] {
        var lines = ["Database: \(file.path) (\(sessions(health.sessions)), \(size(file.size)))"]
        // why: a log that keeps growing means checkpoints are not keeping up (see docs/performance.md).
        lines.append(
            writeAheadLog == 0
                ? "Write-ahead log: empty"
                : "Write-ahead log: \(size(writeAheadLog)) (the latest commits, copied into the file as the server runs)")
        lines += section("Integrity", problems: health.integrityProblems)
        lines += section("Foreign keys", problems: health.foreignKeyProblems)
        guard let migrations = health.migrations else { return lines + ["Migrations: cannot be read"] }
        let applied = migrations.applied.count - migrations.unknown.count
        if migrations.isUpToDate {
            lines.append("Migrations: \(applied) of \(migrations.known.count) applied, up to date")
        } else if !migrations.unknown.isEmpty {
            lines.append("Migrations: written by a newer FlowLinks; unknown to this program:")
            lines += migrations.unknown.map { "  \($0)" }
        } else {
            lines.append(
                "Migrations: \(applied) of \(migrations.known.count) applied; pending (flowlinks serve applies them when it starts):"
            )
            lines += migrations.pending.map { "  \($0)" }
        }
        return lines
    }

    private static func section(_ name: String, problems: [String]) -> [String] {
        guard !problems.isEmpty else { return ["\(name): ok"] }
        let shown = problems.prefix(20).map { "  \($0)" }
        return ["\(name): \(problems.count) problem\(problems.count == 1 ? "" : "s")"] + shown
            + (problems.count > 20 ? ["  … and \(problems.count - 20) more"] : [])
    }
}

/// Why a backup, restore or check of a database file could not be done, in words for the operator.
public enum MaintenanceError: Error, Equatable, CustomStringConvertible, Sendable {
    case missing(path: String)
    case alreadyExists(path: String)
    case notADatabase(path: String, reason: String)
    case notFlowLinks(path: String)
    /// The file was migrated by a newer FlowLinks than this one.
    case newerSchema(path: String, unknownMigrations: [String])
    case damaged(path: String, problems: [String])
    /// Another process (most likely `flowlinks serve`) has the database open.
    case inUse(path: String)
    /// The target holds data that a restore would replace.
    case holdsData(path: String, rows: Int)

    public var description: String {
        switch self {
        case .missing(let path): "No database at \(path)."
        case .alreadyExists(let path): "\(path) already exists; pass --force to overwrite it."
        case .notADatabase(let path, let reason): "\(path) is not a readable SQLite database (\(reason))."
        case .notFlowLinks(let path): "\(path) is not a FlowLinks database: it has none of FlowLinks' migrations."
        case .newerSchema(let path, let unknown):
            "\(path) was written by a newer FlowLinks (unknown migrations: \(unknown.joined(separator: ", "))); "
                + "upgrade this program first."
        case .damaged(let path, let problems):
            "\(path) fails the integrity check: \(problems.prefix(3).joined(separator: "; "))"
                + (problems.count > 3 ? " (and \(problems.count - 3) more)" : "")
        case .inUse(let path):
            "\(path) is in use by another process (is flowlinks serve running?). Stop the server first; "
                + "a database cannot be replaced while it is open, not even with --force."
        case .holdsData(let path, let rows):
            "\(path) already holds data (\(rows) rows) and restoring would replace all of it. "
                + "Stop the server, then pass --force to replace it."
        }
    }
}

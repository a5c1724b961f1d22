/// What `db copy` did to one table: the rows it copied, and whether the copy reads back the same.
public struct TableCopyReport: Sendable, Equatable {
    public var table: String
    public var rows: Int
    /// SHA-256 of the table's rows in key order, as read from SQLite, in hex.
    public var sourceHash: String
    /// The same, as read back from PostgreSQL after the commit.
    public var copyHash: String
    public var copiedRows: Int

    /// Whether PostgreSQL holds exactly what SQLite held.
    public var isVerified: Bool { rows == copiedRows && sourceHash == copyHash }
}

/// Why `db copy` did not copy.
public enum DatabaseCopyError: Error, Equatable, CustomStringConvertible, Sendable {
    /// The target already holds FlowLinks data.
    case targetNotEmpty(table: String, rows: Int)
    /// The SQLite file has a column the PostgreSQL schema does not (written by a newer FlowLinks?).
    case unknownColumn(table: String, column: String)
    /// A value that cannot be stored in its PostgreSQL column.
    case unconvertible(table: String, column: String)
    /// The copy read back differs from the source.
    case mismatch([String])

    public var description: String {
        switch self {
        case .targetNotEmpty(let table, let rows):
            "The PostgreSQL database already holds data (\(rows) rows in \(table)); copy into an empty one."
        case .unknownColumn(let table, let column):
            "The SQLite database has a column \(table).\(column) that this PostgreSQL schema lacks; "
                + "upgrade FlowLinks first."
        case .unconvertible(let table, let column):
            "A value in \(table).\(column) cannot be stored in PostgreSQL."
        case .mismatch(let tables):
            "The copy does not read back the same in: \(tables.joined(separator: ", "))."
        }
    }
}

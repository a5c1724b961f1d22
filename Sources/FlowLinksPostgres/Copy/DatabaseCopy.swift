import Crypto
import Foundation
import GRDB
import PostgresNIO

/// Copies a FlowLinks SQLite database into an empty PostgreSQL one in one transaction, then reads
/// the copy back and compares each table's row count and content hash with the source.
///
/// The server must be stopped while it runs (the command checks), so the tables are read as one
/// consistent state.
public struct DatabaseCopy: Sendable {
    let source: DatabaseQueue
    let target: PostgreSQLDatabase
    /// Rows per INSERT statement (each row binds a handful of values; PostgreSQL allows 65,535).
    static let batchSize = 200

    /// A copy from the SQLite file at `sqlitePath`, opened read-only, into `target`.
    public init(sqlitePath: String, target: PostgreSQLDatabase) throws {
        var configuration = Configuration()
        configuration.readonly = true
        source = try DatabaseQueue(path: sqlitePath, configuration: configuration)
        self.target = target
    }

    /// Migrates the target, refuses one that holds data, copies every table and verifies it.
    public func run() async throws -> [TableCopyReport] {
        try await target.migrate()
        var plans: [(table: CopiedTable, columns: [(String, CopiedType)], rows: [[CopiedValue]])] = []
        for table in CopiedTable.all {
            let counted = try await target.client.query(
                PostgresQuery(unsafeSQL: "SELECT count(*) FROM \(table.name)"), logger: target.logger)
            for try await rows in counted.decode(Int.self) where rows > 0 {
                throw DatabaseCopyError.targetNotEmpty(table: table.name, rows: rows)
            }
            let columns = try await sharedColumns(of: table)
            plans.append((table, columns, try sourceRows(of: table, columns: columns)))
        }
        try await target.transaction { connection in
            for plan in plans {
                try await Self.insert(plan.rows, into: plan.table, columns: plan.columns, on: connection, logger: target.logger)
            }
        }
        var reports: [TableCopyReport] = []
        for plan in plans {
            let copied = try await targetRows(of: plan.table, columns: plan.columns)
            reports.append(
                TableCopyReport(
                    table: plan.table.name, rows: plan.rows.count,
                    sourceHash: Self.hash(plan.rows, key: plan.table, plan.columns),
                    copyHash: Self.hash(copied, key: plan.table, plan.columns), copiedRows: copied.count))
        }
        let mismatched = reports.filter { !$0.isVerified }.map(\.table)
        guard mismatched.isEmpty else { throw DatabaseCopyError.mismatch(mismatched) }
        return reports
    }

    /// The table's columns in PostgreSQL's order that SQLite has too; a SQLite column PostgreSQL
    /// lacks is an error (columns only PostgreSQL has, like the outbox's lease, keep their defaults).
    private func sharedColumns(of table: CopiedTable) async throws -> [(String, CopiedType)] {
        let described = try await target.client.query(
            """
            SELECT column_name::text, data_type::text FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name = \(table.name) ORDER BY ordinal_position
            """, logger: target.logger)
        var postgres: [(String, String)] = []
        for try await (name, type) in described.decode((String, String).self) { postgres.append((name, type)) }
        let sqlite = Set(try await source.read { db in try db.columns(in: table.name).map(\.name) })
        for name in sqlite where !postgres.contains(where: { $0.0 == name }) {
            throw DatabaseCopyError.unknownColumn(table: table.name, column: name)
        }
        return try postgres.filter { sqlite.contains($0.0) }.map { name, type in
            guard let kind = CopiedType(postgres: type) else {
                throw DatabaseCopyError.unconvertible(table: table.name, column: name)
            }
            return (name, kind)
        }
    }

    private func sourceRows(of table: CopiedTable, columns: [(String, CopiedType)]) throws -> [[CopiedValue]] {
        let names = columns.map(\.0).joined(separator: ", ")
        return try source.read { db in
            try Row.fetchAll(db, sql: "SELECT \(names) FROM \(table.name)").map { row in
                try columns.enumerated().map { index, column in
                    guard let value = CopiedValue(sqlite: row[index], as: column.1) else {
                        throw DatabaseCopyError.unconvertible(table: table.name, column: column.0)
                    }
                    return value
                }
            }
        }
    }

    private func targetRows(of table: CopiedTable, columns: [(String, CopiedType)]) async throws -> [[CopiedValue]] {
        let names = columns.map(\.0).joined(separator: ", ")
        let rows = try await target.client.query(
            PostgresQuery(unsafeSQL: "SELECT \(names) FROM \(table.name)"), logger: target.logger)
        var values: [[CopiedValue]] = []
        for try await row in rows {
            let cells = row.makeRandomAccess()
            values.append(try columns.enumerated().map { index, column in try CopiedValue(cells[index], as: column.1) })
        }
        return values
    }

    private static func insert(
        _ rows: [[CopiedValue]], into table: CopiedTable, columns: [(String, CopiedType)], on connection: PostgresConnection,
        logger: Logger
    ) async throws {
        let names = columns.map(\.0).joined(separator: ", ")
        // why: the ids are copied as they are, so links between tables and in exports stay the same.
        let overriding = table.hasIdentity ? " OVERRIDING SYSTEM VALUE" : ""
        var start = 0
        while start < rows.count {
            let batch = rows[start..<min(rows.count, start + batchSize)]
            var bindings = PostgresBindings(capacity: batch.count * columns.count)
            var tuples: [String] = []
            for row in batch {
                var placeholders: [String] = []
                for value in row {
                    value.bind(to: &bindings)
                    placeholders.append("$\(bindings.count)")
                }
                tuples.append("(" + placeholders.joined(separator: ", ") + ")")
            }
            let sql = "INSERT INTO \(table.name) (\(names))\(overriding) VALUES " + tuples.joined(separator: ", ")
            try await connection.query(PostgresQuery(unsafeSQL: sql, binds: bindings), logger: logger).drain()
            start += batchSize
        }
        if table.hasIdentity {
            // why: new rows continue after the copied ids instead of colliding with them.
            try await connection.query(
                PostgresQuery(
                    unsafeSQL: """
                        SELECT setval(pg_get_serial_sequence('\(table.name)', 'id'),
                                      (SELECT COALESCE(MAX(id), 0) + 1 FROM \(table.name)), false)
                        """), logger: logger
            ).drain()
        }
    }

    /// SHA-256 of the rows in the order of their key's values (the same order on both sides,
    /// whatever the databases' collations), in hex.
    static func hash(_ rows: [[CopiedValue]], key table: CopiedTable, _ columns: [(String, CopiedType)]) -> String {
        let keyIndexes = table.key.compactMap { name in columns.firstIndex { $0.0 == name } }
        let ordered = rows.sorted { left, right in
            keyIndexes.map { left[$0].hashBytes }.lexicographicallyPrecedes(keyIndexes.map { right[$0].hashBytes }) {
                $0.lexicographicallyPrecedes($1)
            }
        }
        var hasher = SHA256()
        for row in ordered {
            for value in row { hasher.update(data: value.hashBytes) }
            hasher.update(data: [0xFF])
        }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }
}

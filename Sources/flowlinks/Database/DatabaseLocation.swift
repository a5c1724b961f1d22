import FlowLinksPostgres
import FlowLinksServer
import FlowLinksStore
import Logging

/// The database `serve` runs on: the embedded SQLite file (the default), or a PostgreSQL server
/// that several replicas share.
enum DatabaseLocation {
    case sqlite(path: String)
    case postgres(PostgresLocation)

    /// The location the `database` setting names: a `postgres://` or `postgresql://` URL, else a file path.
    init(_ config: Config) throws(PostgresLocationError) {
        self = config.databaseIsPostgres ? .postgres(try PostgresLocation(url: config.database)) : .sqlite(path: config.database)
    }

    /// Runs `body` with the stores on this database, migrated first: the SQLite file (created when
    /// missing; its write-ahead log copied back as `checkpointing` says, its commits and
    /// checkpoints told to `observer`), or a pool of connections to PostgreSQL that runs beside
    /// `body` and stops after it.
    func withStores<Result: Sendable>(
        naming: NamingSteps, logger: Logger, checkpointing: WALCheckpointing = .background,
        observer: (any SQLiteWriteObserver)? = nil, _ body: (Stores) async throws -> Result
    ) async throws -> Result {
        switch self {
        case .sqlite(let path):
            let database = try SQLiteDatabase.open(path: path, checkpointing: checkpointing, observer: observer)
            return try await body(database.stores(naming: naming))
        case .postgres(let location):
            // why: the pool retries a server that does not answer for a long while; say so at once.
            guard await PostgreSQLDatabase.isReachable(location, logger: logger) else {
                throw CommandFailure(
                    "The PostgreSQL database at \(location) does not answer: is the server running, and the URL right?")
            }
            return try await PostgreSQLDatabase.withDatabase(location: location, logger: logger) { database in
                let applied = try await database.migrate()
                if !applied.isEmpty { logger.info("Migrated the PostgreSQL database", metadata: ["applied": "\(applied)"]) }
                return try await body(database.stores(naming: naming))
            }
        }
    }
}

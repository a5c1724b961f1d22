import Logging
import PostgresNIO
import ServiceLifecycle

/// A PostgreSQL database with a pool of connections to it, shared by the stores built on it.
/// The pool works only while `run()` runs: add the database to the server's `ServiceGroup`, or
/// use `withDatabase` for a command or a test.
public final class PostgreSQLDatabase: Sendable, Service {
    /// Connections a replica opens at most, unless told otherwise.
    public static let defaultPoolSize = 10

    public let location: PostgresLocation
    /// The pooled client, for the stores' queries and transactions.
    public let client: PostgresClient
    let logger: Logger

    /// A database at `location`, with at most `poolSize` connections; nothing connects before `run()`.
    public init(location: PostgresLocation, poolSize: Int = defaultPoolSize, logger: Logger) throws {
        self.location = location
        self.logger = logger
        client = PostgresClient(
            configuration: try location.clientConfiguration(poolSize: poolSize), backgroundLogger: logger)
    }

    /// Runs the pool until the task is cancelled or the service group shuts down gracefully.
    public func run() async throws {
        await client.run()
    }

    /// Runs `body` with a database at `location` whose pool runs beside it, and stops the pool after.
    public static func withDatabase<Result: Sendable>(
        location: PostgresLocation, poolSize: Int = defaultPoolSize,
        logger: Logger = Logger(label: "flowlinks.postgres"),
        _ body: (PostgreSQLDatabase) async throws -> Result
    ) async throws -> Result {
        let database = try PostgreSQLDatabase(location: location, poolSize: poolSize, logger: logger)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            // why: the body waits for the pool's task to start, or its first query would lease a
            // connection before `run()` and postgres-nio would log a warning about it.
            let (started, starting) = AsyncStream.makeStream(of: Void.self)
            group.addTask {
                starting.finish()
                await database.client.run()
            }
            for await _ in started {}
            // why: cancelling the client's `run()` closes the pool; the group then waits for it.
            defer { group.cancelAll() }
            return try await body(database)
        }
    }

    /// Runs `body` in a transaction on a pooled connection: committed when `body` returns, rolled
    /// back when it throws, and then its error is rethrown as it was (not wrapped in postgres-nio's
    /// `PostgresTransactionError`), so callers can catch their own errors. A server that cannot be
    /// reached, or goes away, is `StoreUnavailable`.
    public func transaction<Result>(
        _ body: (PostgresConnection) async throws -> sending Result
    ) async throws -> sending Result {
        do {
            return try await client.withTransaction(logger: logger, body)
        } catch let error as PostgresTransactionError {
            if let closureError = error.closureError { throw Self.unavailability(closureError) ?? closureError }
            throw Self.unavailability(error) ?? error
        } catch {
            throw Self.unavailability(error) ?? error
        }
    }

    /// Whether the server answers a query now, on a connection of its own (so a down server is
    /// told at once, not after the pool's retries); false on any failure, within `timeout`.
    public func isReachable(timeout: Duration = .seconds(5)) async -> Bool {
        await Self.isReachable(location, timeout: timeout, logger: logger)
    }

    /// Whether the server at `location` answers a query now, within `timeout`.
    public static func isReachable(
        _ location: PostgresLocation, timeout: Duration = .seconds(5),
        logger: Logger = Logger(label: "flowlinks.postgres")
    ) async -> Bool {
        do {
            var configuration = try location.connectionConfiguration()
            configuration.options.connectTimeout = .nanoseconds(
                timeout.components.seconds * 1_000_000_000 + timeout.components.attoseconds / 1_000_000_000)
            try await withConnection(configuration, logger: logger) { connection in
                _ = try await connection.query("SELECT 1", logger: logger).collect()
            }
            return true
        } catch {
            logger.debug("PostgreSQL not reachable", metadata: ["location": "\(location)", "error": "\(error)"])
            return false
        }
    }

    /// Runs `body` on a connection of its own, outside the pool, and closes it after.
    public static func withConnection<Result: Sendable>(
        _ configuration: PostgresConnection.Configuration, logger: Logger,
        _ body: (PostgresConnection) async throws -> Result
    ) async throws -> Result {
        let connection = try await PostgresConnection.connect(configuration: configuration, id: 0, logger: logger)
        do {
            let result = try await body(connection)
            try await connection.close()
            return result
        } catch {
            // why: postgres-nio asserts that a connection is closed before it is released.
            try? await connection.close()
            throw error
        }
    }
}

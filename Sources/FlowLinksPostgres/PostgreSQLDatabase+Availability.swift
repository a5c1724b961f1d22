import FlowLinksStore
import PostgresNIO
import _ConnectionPoolModule

extension PostgreSQLDatabase {
    /// The error as `StoreUnavailable` when it means the server could not be reached or went away
    /// (so the request may be sent again); `nil` for any other error.
    ///
    /// A turn whose commit was sent but not acknowledged may have been stored: its retry is then
    /// answered from the dedupe record, so a retry never takes a turn twice.
    public static func unavailability(_ error: any Error) -> StoreUnavailable? {
        if let error = error as? StoreUnavailable { return error }
        if let error = error as? PostgresTransactionError {
            return [error.beginError, error.closureError, error.commitError].lazy.compactMap { $0.flatMap(unavailability) }
                .first
        }
        // why: while the server is down the pool keeps trying to connect; after a minute without a
        // connection it fails every waiting request at once (and then each new one, until it connects).
        if let error = error as? ConnectionPoolError,
            error == .connectionCreationCircuitBreakerTripped || error == .poolShutdown
        {
            return StoreUnavailable("PostgreSQL connection pool: \(error)")
        }
        guard let error = error as? PSQLError else { return nil }
        switch error.code {
        case .connectionError, .serverClosedConnection, .clientClosedConnection, .uncleanShutdown, .poolClosed:
            return StoreUnavailable("PostgreSQL connection: \(error.code)")
        case .server:
            // why: class 08 is a connection exception; 57P01–57P03 an administrator or crash shutdown or
            // a server still starting; 53300 too many connections. Each passes once the server is back.
            let state = error.serverInfo?[.sqlState] ?? ""
            guard state.hasPrefix("08") || ["57P01", "57P02", "57P03", "53300"].contains(state) else { return nil }
            return StoreUnavailable("PostgreSQL server: SQLSTATE \(state)")
        default:
            return nil
        }
    }
}

import FlowLinksCore
import FlowLinksPostgres
import FlowLinksStore
import FlowLinksTesting
import Testing

/// The stores PostgreSQL implements so far, on one backend's fresh, empty database, with the
/// tables at hand to set up rows no store of theirs writes (sessions and their rows).
struct PartialStores: Sendable {
    var outbox: any OutboxStore
    var facilitators: any FacilitatorStore
    var maintenance: any MaintenanceStore
    var tables: StoreTables
}

/// The backends of the outbox, facilitator and maintenance stores, which PostgreSQL implements
/// ahead of the others. Once all six stores have theirs, `StoreBackend` gains `postgres` and these
/// tests move to it.
enum PartialStoreBackend: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite
    case postgres

    var testDescription: String { rawValue }

    /// The backends this run can test: PostgreSQL when a test server is given (or required, so
    /// that its absence fails).
    static let available: [PartialStoreBackend] =
        PostgresTestServer.url != nil || PostgresTestServer.isRequired ? allCases : [.sqlite]

    /// Runs `body` with new stores of this backend.
    func withStores<Result: Sendable>(_ body: (PartialStores) async throws -> Result) async throws -> Result {
        switch self {
        case .sqlite:
            let (database, tables) = try StoreTables.inMemorySQLite()
            let stores = database.stores(naming: NamingSteps(DefaultPrompts.script))
            return try await body(
                PartialStores(
                    outbox: stores.outbox, facilitators: stores.facilitators, maintenance: stores.maintenance,
                    tables: tables))
        case .postgres:
            return try await PostgresTestServer.withMigratedDatabase { database in
                try await body(
                    PartialStores(
                        outbox: PostgresOutboxStore(database: database),
                        facilitators: PostgresFacilitatorStore(database: database),
                        maintenance: PostgresMaintenanceStore(database: database), tables: .postgres(database)))
            }
        }
    }
}

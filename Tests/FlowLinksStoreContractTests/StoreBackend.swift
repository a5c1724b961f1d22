import FlowLinksCore
import FlowLinksPostgres
import FlowLinksStore
import FlowLinksTesting
import Testing

/// The store implementations every contract test runs against, each test on a new, empty database.
///
/// The same test, written once, must pass on every backend: that is what lets the server run on
/// either. PostgreSQL runs when a test server is given (`FLOWLINKS_TEST_POSTGRES`), or is required
/// (`FLOWLINKS_REQUIRE_POSTGRES=1`, as in CI), so that its absence fails.
enum StoreBackend: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite, postgres

    var testDescription: String { rawValue }

    /// The backends this run can test.
    static let available: [StoreBackend] =
        PostgresTestServer.url != nil || PostgresTestServer.isRequired ? allCases : [.sqlite]

    /// Runs `body` with new stores of this backend; the review queries name sessions through `naming`.
    func withStores<Result: Sendable>(
        naming: NamingSteps = NamingSteps(DefaultPrompts.script), _ body: (BackendStores) async throws -> Result
    ) async throws -> Result {
        switch self {
        case .sqlite:
            let (database, tables, seeding) = try StoreTables.inMemorySQLite()
            let stores = database.stores(naming: naming)
            // why: SQLite is served by one process, whose throttles every request shares.
            var replica = database.stores(naming: naming)
            replica.throttles = stores.throttles
            return try await body(
                BackendStores(
                    stores: stores, replica: replica, tables: tables,
                    rows: SQLiteRows(database: database, outbox: stores.outbox),
                    seeding: seeding))
        case .postgres:
            return try await PostgresTestServer.withMigratedDatabase { database in
                // why: a second pool on the same database stands in for a second replica.
                try await PostgreSQLDatabase.withDatabase(
                    location: database.location, poolSize: 2, logger: PostgresTestServer.logger
                ) { other in
                    try await body(
                        BackendStores(
                            stores: database.stores(naming: naming), replica: other.stores(naming: naming),
                            tables: .postgres(database), rows: PostgresRows(database: database),
                            seeding: PostgresReviewSeeding(database: database)))
                }
            }
        }
    }
}

/// A backend's stores on one new database, a second set on the same database (as another
/// replica has), and ways to write rows no store method writes and to look at what was stored.
struct BackendStores: Sendable {
    let stores: Stores
    /// Stores on the same database, as a second replica has.
    let replica: Stores
    let tables: StoreTables
    let rows: any ConversationRows
    let seeding: any ReviewSeeding

    var conversations: any ConversationStore { stores.conversations }
    var outbox: any OutboxStore { stores.outbox }
    var facilitators: any FacilitatorStore { stores.facilitators }
    var review: any ReviewStore { stores.review }
    var workshops: any WorkshopStore { stores.workshops }
    var maintenance: any MaintenanceStore { stores.maintenance }
    var throttles: any ThrottleStore { stores.throttles }
}

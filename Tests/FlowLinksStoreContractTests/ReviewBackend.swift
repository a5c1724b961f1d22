import FlowLinksCore
import FlowLinksPostgres
import FlowLinksStore
import FlowLinksTesting
import Testing

/// The review and workshop stores of each backend, with a way to write rows into their database.
///
/// Until PostgreSQL has every store, these tests run here rather than through `StoreBackend`.
enum ReviewBackend: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite, postgres

    var testDescription: String { rawValue }

    /// SQLite always; PostgreSQL when a test server is given (or required, so its absence fails).
    static let available: [ReviewBackend] =
        PostgresTestServer.url != nil || PostgresTestServer.isRequired ? allCases : [.sqlite]

    /// The stores under test, on a new, empty database.
    struct Stores: Sendable {
        var review: any ReviewStore
        var workshops: any WorkshopStore
        var seeding: any ReviewSeeding
    }

    /// Runs `body` with new stores of this backend; the review queries name sessions through `naming`.
    func withStores<Result: Sendable>(
        naming: NamingSteps = NamingSteps(DefaultPrompts.script), _ body: (Stores) async throws -> Result
    ) async throws -> Result {
        switch self {
        case .sqlite:
            let (database, seeding) = try SQLiteReviewSeeding.inMemory()
            let stores = database.stores(naming: naming)
            return try await body(Stores(review: stores.review, workshops: stores.workshops, seeding: seeding))
        case .postgres:
            return try await PostgresTestServer.withMigratedDatabase { database in
                try await body(
                    Stores(
                        review: PostgresReviewStore(database: database, naming: naming),
                        workshops: PostgresWorkshopStore(database: database),
                        seeding: PostgresReviewSeeding(database: database)))
            }
        }
    }
}

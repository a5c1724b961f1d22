import FlowLinksCore
import FlowLinksStore
import FlowLinksTesting
import Testing

/// The store implementations every contract test runs against, each test on fresh, empty stores.
///
/// The same test, written once, must pass on every backend: that is what lets the server run on
/// either. PostgreSQL joins the list once every store has its PostgreSQL implementation.
enum StoreBackend: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite

    var testDescription: String { rawValue }

    /// The backends this run can test.
    static let available: [StoreBackend] = allCases

    /// Runs `body` with new stores of this backend; the review queries name sessions through `naming`.
    func withStores<Result: Sendable>(
        naming: NamingSteps = NamingSteps(DefaultPrompts.script), _ body: (Stores) async throws -> Result
    ) async throws -> Result {
        switch self {
        case .sqlite: try await body(SQLiteDatabase.inMemory().stores(naming: naming))
        }
    }
}

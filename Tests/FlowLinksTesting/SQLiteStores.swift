import FlowLinksCore
import FlowLinksStore

/// The stores on a test database, named as the server names them (the default content's steps).
extension SQLiteDatabase {
    public var stores: Stores { stores(naming: NamingSteps(DefaultPrompts.script)) }
    public var conversations: any ConversationStore { stores.conversations }
    public var outbox: any OutboxStore { stores.outbox }
    public var facilitators: any FacilitatorStore { stores.facilitators }
    public var review: any ReviewStore { stores.review }
    public var workshops: any WorkshopStore { stores.workshops }
    public var maintenance: any MaintenanceStore { stores.maintenance }
}

extension OutboxStore {
    /// Calls that gave up, newest first.
    public func failedDeliveries() async throws -> [OutboxRecord] {
        try await outboxCalls(withStatus: [.failed], limit: 1000).calls
    }
}

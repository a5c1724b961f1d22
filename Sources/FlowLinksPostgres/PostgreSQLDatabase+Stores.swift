import FlowLinksStore

extension PostgreSQLDatabase {
    /// Every store, on this database; the review queries find names through `naming`.
    public func stores(naming: NamingSteps) -> Stores {
        Stores(
            conversations: PostgresConversationStore(database: self), outbox: PostgresOutboxStore(database: self),
            facilitators: PostgresFacilitatorStore(database: self),
            review: PostgresReviewStore(database: self, naming: naming), workshops: PostgresWorkshopStore(database: self),
            maintenance: PostgresMaintenanceStore(database: self), throttles: PostgresThrottleStore(database: self))
    }
}

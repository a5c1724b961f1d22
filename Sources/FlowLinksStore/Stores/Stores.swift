/// Every store the app uses, each behind its protocol and all sharing one database.
///
/// Server code and the command line depend on these protocols, not on a database: the SQLite
/// implementations are the default (`Stores.sqlite`), and a part that needs one concern gets only
/// that store (the outbox delivery gets `outbox`).
public struct Stores: Sendable {
    public var conversations: any ConversationStore
    public var outbox: any OutboxStore
    public var facilitators: any FacilitatorStore
    public var review: any ReviewStore
    public var workshops: any WorkshopStore
    public var maintenance: any MaintenanceStore
    public var throttles: any ThrottleStore

    public init(
        conversations: any ConversationStore, outbox: any OutboxStore, facilitators: any FacilitatorStore,
        review: any ReviewStore, workshops: any WorkshopStore, maintenance: any MaintenanceStore,
        throttles: any ThrottleStore
    ) {
        self.conversations = conversations
        self.outbox = outbox
        self.facilitators = facilitators
        self.review = review
        self.workshops = workshops
        self.maintenance = maintenance
        self.throttles = throttles
    }
}

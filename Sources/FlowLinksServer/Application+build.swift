import AsyncHTTPClient
import FlowLinksChannels
import FlowLinksCore
import FlowLinksReview
import FlowLinksStore
import Foundation
import Hummingbird
import Logging

/// What the server runs with, beyond its `Config`; tests pass fakes.
public struct ServerDependencies: Sendable {
    public var script: Script
    public var stores: Stores
    public var metrics: ServerMetrics
    public var now: @Sendable () -> Date
    /// Makes queued platform API calls; `nil` builds the real senders for the configured channels.
    public var senders: [String: any PlatformSender]?
    public var jitter: @Sendable () -> Double
    public var logger: Logger
    /// bcrypt's cost for facilitator passwords; tests lower it.
    public var passwordCost: UInt8 = 12
    /// Where facilitator passwords are checked: a few at a time, off the request threads.
    public var passwordChecks = PasswordChecks()

    public init(
        script: Script, stores: Stores, metrics: ServerMetrics = ServerMetrics(),
        now: @escaping @Sendable () -> Date = Date.init, senders: [String: any PlatformSender]? = nil,
        jitter: @escaping @Sendable () -> Double = { Double.random(in: 0.5...1) }, logger: Logger? = nil
    ) {
        self.script = script
        self.stores = stores
        self.metrics = metrics
        self.now = now
        self.senders = senders
        self.jitter = jitter
        self.logger = logger ?? Logger(label: "flowlinks")
    }
}

/// The configured server: routes for the enabled channels and operations, the outbox worker.
public func buildApplication(_ config: Config, dependencies: ServerDependencies) -> some ApplicationProtocol {
    let router = Router(context: ServerRequestContext.self)
    router.add(middleware: RequestLogMiddleware())
    router.add(middleware: NotFoundMiddleware())
    let engine = Engine(script: dependencies.script, idleTimeout: config.idleHours * 3600)
    let wakeup = Wakeup()
    let stores = dependencies.stores
    let turns = TurnService(
        conversations: stores.conversations, outbox: stores.outbox, engine: engine,
        limiter: RateLimiter(perMinute: config.rateLimitPerMinute, burst: config.rateLimitBurst, now: dependencies.now),
        admission: NewConversationLimits(
            perAddress: config.newConversationsPerMinute, perChannel: config.newConversationsPerChannelPerMinute,
            now: dependencies.now),
        metrics: dependencies.metrics, outboxWakeup: wakeup, now: dependencies.now)
    let platforms = PlatformWiring.wired(config, script: dependencies.script, now: dependencies.now)
    let channels = platforms.channels
    let clients = ClientAddresses(behindProxy: config.behindProxy)
    // why: the web chat is a text channel like the others: its turns and replies are counted too.
    let channelNames = channels.map(\.name) + (config.webchat ? ["webchat"] : [])
    dependencies.metrics.registerWebhookSeries(channels: channelNames)
    dependencies.metrics.registerReadingSeries(
        channels: channelNames, questions: dependencies.script.everyChoiceStep.map(\.id))
    WebhookRoutes(
        channels: channels, turns: turns, maxBodyBytes: config.maxBodyBytes, metrics: dependencies.metrics,
        clients: clients
    ).add(to: router)
    if config.webchat {
        WebChatRoutes(
            turns: turns, conversations: stores.conversations, workshops: stores.workshops, script: dependencies.script,
            clients: clients, maxBodyBytes: config.maxBodyBytes,
            metrics: dependencies.metrics
        ).add(to: router)
    }
    HomePage.add(to: router, language: dependencies.script.language, webchat: config.webchat)
    OperationsRoutes(maintenance: stores.maintenance, metrics: dependencies.metrics).add(to: router)
    FacilitatorRoutes(
        signIn: SignIn(
            accounts: FacilitatorAccounts(
                store: stores.facilitators, cost: dependencies.passwordCost, now: dependencies.now),
            sessions: FacilitatorSessions(store: stores.facilitators, now: dependencies.now),
            throttle: SignInThrottle(store: stores.throttles, now: dependencies.now), passwordChecks: dependencies.passwordChecks,
            clients: clients),
        pages: FacilitatorPages(
            review: stores.review, facilitators: stores.facilitators, workshops: stores.workshops,
            script: dependencies.script, enabledChannels: config.enabledChannels,
            time: DisplayTime(zoneNamed: config.timeZone) ?? DisplayTime(), readings: dependencies.metrics.readings,
            now: dependencies.now, joinSettings: config),
        logger: dependencies.logger
    ).add(to: router)

    let platformSenders = dependencies.senders ?? platforms.senders
    dependencies.metrics.registerOutboxSeries(channels: platformSenders.keys.sorted())
    let outbox = OutboxDelivery(
        outbox: stores.outbox, senders: platformSenders, maxAttempts: config.outboxMaxAttempts,
        wakeup: wakeup, metrics: dependencies.metrics, logger: dependencies.logger, now: dependencies.now,
        jitter: dependencies.jitter)
    return Application(
        router: router,
        // why: a connection that sends nothing, or a request that stalls half-sent, would otherwise
        // hold its socket open for as long as the client likes.
        server: .http1(configuration: .init(idleTimeout: .milliseconds(Int64(config.requestTimeoutSeconds * 1000)))),
        configuration: .init(address: .hostname(config.host, port: config.port), serverName: "FlowLinks"),
        // why: with no channel that replies through an API there is nothing to deliver.
        services: platformSenders.isEmpty ? [] : [outbox],
        logger: dependencies.logger)
}

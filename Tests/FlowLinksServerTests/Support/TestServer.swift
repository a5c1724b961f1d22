import FlowLinksChannels
import FlowLinksServer
import FlowLinksStore
import FlowLinksTesting
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Synchronization

/// A server wired to an in-memory database, a manual clock and no real platform APIs.
struct TestServer {
    var config: Config
    let database: SQLiteDatabase
    let clock = TestClock()
    let metrics = ServerMetrics()
    var senders: [String: any PlatformSender] = [:]
    var logger = Logger(label: "flowlinks.test")
    var passwordCost: UInt8 = 12
    var passwordChecks = PasswordChecks()
    /// The stores the server uses; `nil` for the SQLite stores on `database`.
    var stores: Stores?

    init(configure: (inout Config) -> Void = { _ in }) throws {
        var config = Config()
        config.port = 0
        config.rateLimitBurst = 1000
        config.rateLimitPerMinute = 1000
        config.newConversationsPerMinute = 10_000
        config.newConversationsPerChannelPerMinute = 10_000
        configure(&config)
        self.config = config
        self.database = try SQLiteDatabase.inMemory()
    }

    init(config: Config, database: SQLiteDatabase) {
        self.config = config
        self.database = database
    }

    var application: some ApplicationProtocol {
        let clock = self.clock
        var dependencies = ServerDependencies(
            script: DefaultPrompts.script, stores: stores ?? database.stores, metrics: metrics, now: { clock.now },
            senders: senders,
            jitter: { 1 }, logger: logger)
        dependencies.passwordCost = passwordCost
        dependencies.passwordChecks = passwordChecks
        return buildApplication(config, dependencies: dependencies)
    }

    /// Runs `body` against the server in process.
    func test<Value>(_ body: @Sendable (any TestClientProtocol) async throws -> Value) async throws -> Value {
        try await application.test(.router, body)
    }
}

extension TestClientProtocol {
    /// Posts one generic-channel message and returns the response.
    @discardableResult
    func sendGeneric(
        _ text: String, conversation: String = "team-a", messageID: String? = nil, token: String? = nil,
        locale: String? = nil
    ) async throws -> TestResponse {
        var headers: HTTPFields = [.contentType: "application/json"]
        if let token { headers[.authorization] = "Bearer \(token)" }
        var body: [String: String] = ["conversation": conversation, "message_id": messageID ?? UUID().uuidString, "text": text]
        if let locale { body["locale"] = locale }
        let data = try JSONSerialization.data(withJSONObject: body)
        return try await execute(uri: "/webhooks/generic", method: .post, headers: headers, body: ByteBuffer(bytes: data))
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }

    /// The body as a JSON object.
    var json: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(buffer: body))) as? [String: Any] ?? [:] }

    /// The texts of the generic reply's messages.
    var messageTexts: [String] { (json["messages"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String } }
}

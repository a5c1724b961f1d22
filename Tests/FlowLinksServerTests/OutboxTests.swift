import AsyncHTTPClient
import FlowLinksPlatformFakes
import FlowLinksServer
import FlowLinksStore
import FlowLinksTesting
import Foundation
import HummingbirdTesting
import Testing

@Suite("The outbox delivers replies sent through platform APIs")
struct OutboxTests {
    /// A Telegram conversation brought to the benefit question, then the buttons of `options` of
    /// each question in turn pressed, their calls queued.
    static func queueButtonPresses(_ options: [Int], on server: TestServer) async throws {
        try await server.test { client in
            for (update, text) in zip(1..., ["hi", "Riverside", "Parent Cafe", "skip"]) {
                try await client.sendTelegram(PlatformRequests.telegramMessage(update: update, text: text))
            }
            for (update, option) in zip(100..., options) {
                let data = try server.buttonValue(option: option)
                try await client.sendTelegram(PlatformRequests.telegramButton(update: update, data: data))
            }
        }
    }

    static func server(maxAttempts: Int = 8) throws -> TestServer {
        try TestServer { config in
            config.telegram = TelegramSettings(secretToken: PlatformRequests.telegramSecret, botToken: "123:ABC")
            config.outboxMaxAttempts = maxAttempts
        }
    }

    static func delivery(_ server: TestServer, api: String, maxAttempts: Int = 8) -> OutboxDelivery {
        let clock = server.clock
        return OutboxDelivery(
            outbox: server.database.outbox,
            senders: ["telegram": TelegramSender(client: .shared, baseURL: api, botToken: "123:ABC")],
            maxAttempts: maxAttempts, now: { clock.now }, jitter: { 1 })
    }

    static let send = "/bot123:ABC/sendMessage"
    static let edit = "/bot123:ABC/editMessageText"

    @Test func aCallThatFailsTwiceIsDeliveredOnceAndInOrder() async throws {
        let server = try Self.server()
        try await Self.queueButtonPresses([1, 3], on: server)
        let api = FakePlatformAPI.telegram(statuses: [500, 500])
        try await api.run { base in
            var delivered = 0
            let delivery = Self.delivery(server, api: base)
            delivered = try await delivery.deliverDue()
            #expect(delivered == 0)
            server.clock.advance(1)
            delivered = try await delivery.deliverDue()
            #expect(delivered == 0)
            server.clock.advance(1.5)
            delivered = try await delivery.deliverDue()
            #expect(delivered == 0, "the second retry waits 2 s, not 1.5")
            server.clock.advance(0.5)
            delivered = try await delivery.deliverDue()
            #expect(delivered == 4, "each press: the question marked answered, then the next one")
        }
        #expect(api.calls.count == 6)
        #expect(api.delivered.map(\.path) == [Self.edit, Self.send, Self.edit, Self.send])
        let questions = api.delivered.filter { $0.path == Self.send }.map(\.body)
        #expect(questions[0].contains("same or similar goals"))
        #expect(questions[1].contains("how does information flow"))
        #expect(api.calls[0].body == api.calls[2].body)
    }

    @Test func aRateLimitedCallWaitsForRetryAfter() async throws {
        let server = try Self.server()
        try await Self.queueButtonPresses([1], on: server)
        let api = FakePlatformAPI.telegram(statuses: [429], retryAfter: 7)
        try await api.run { base in
            var delivered = 0
            let delivery = Self.delivery(server, api: base)
            try await delivery.deliverDue()
            server.clock.advance(6)
            delivered = try await delivery.deliverDue()
            #expect(delivered == 0)
            server.clock.advance(1)
            delivered = try await delivery.deliverDue()
            #expect(delivered == 2)
        }
        #expect(api.calls.map(\.status) == [429, 200, 200])
    }

    @Test func afterTheLastAttemptTheCallIsFailedAndRetryDeliversIt() async throws {
        let server = try Self.server(maxAttempts: 2)
        try await Self.queueButtonPresses([1], on: server)
        let api = FakePlatformAPI.telegram(statuses: [500, 502])
        try await api.run { base in
            let delivery = Self.delivery(server, api: base, maxAttempts: 2)
            try await delivery.deliverDue()
            server.clock.advance(1)
            try await delivery.deliverDue()
            let failed = try await server.database.outbox.failedDeliveries()
            #expect(failed.count == 1)
            #expect(failed.first?.attempts == 2)
            #expect(failed.first?.lastError?.contains("HTTP 502") == true)
            #expect(api.calls.count == 3, "a failed call does not hold the conversation's next one back")
            let requeued = try await server.database.outbox.requeueAllFailedDeliveries(at: server.clock.now)
            #expect(requeued == 1)
            #expect(try await delivery.deliverDue() == 1)
        }
        #expect(try await server.database.outbox.failedDeliveries().isEmpty)
    }

    @Test func aPlatformRefusalIsNotRetried() async throws {
        let server = try Self.server()
        try await Self.queueButtonPresses([1], on: server)
        let api = FakePlatformAPI.telegram(statuses: [403])
        try await api.run { base in
            try await Self.delivery(server, api: base).deliverDue()
        }
        #expect(try await server.database.outbox.failedDeliveries().first?.lastError?.contains("HTTP 403") == true)
        #expect(api.calls.count == 2, "the refused call is made once; the conversation's next call follows it")
        #expect(Set(api.calls.map(\.body)).count == 2, "the refused call is not made again")
    }

    @Test func pendingCallsAreDeliveredAfterARestart() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("outbox-\(UUID()).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            var server = try Self.server()
            server = try server.reopened(at: path)
            try await Self.queueButtonPresses([1, 3], on: server)
        }
        let restarted = try Self.server().reopened(at: path)
        let api = FakePlatformAPI.telegram()
        try await api.run { base in
            var delivered = 0
            delivered = try await Self.delivery(restarted, api: base).deliverDue()
            #expect(delivered == 4)
        }
        #expect(api.delivered.map(\.path) == [Self.edit, Self.send, Self.edit, Self.send])
    }

    @Test func theRunningServerDeliversWithoutBeingAsked() async throws {
        let api = FakePlatformAPI.telegram()
        try await api.run { base in
            var configured = try Self.server()
            configured.senders = ["telegram": TelegramSender(client: .shared, baseURL: base, botToken: "123:ABC")]
            let server = configured
            try await server.application.test(.live) { client in
                for (update, text) in zip(1..., ["hi", "Riverside", "Parent Cafe", "skip"]) {
                    try await client.sendTelegram(PlatformRequests.telegramMessage(update: update, text: text))
                }
                let data = try server.buttonValue(option: 1)
                try await client.sendTelegram(PlatformRequests.telegramButton(update: 10, data: data))
                let edit = await api.nextCall()
                #expect(edit?.path == Self.edit)
                let question = await api.nextCall()
                #expect(question?.body.contains("same or similar goals") == true)
            }
        }
    }
}

extension TestServer {
    /// The same server on a database file, as after a restart.
    func reopened(at path: String) throws -> TestServer {
        try TestServer(config: config, database: SQLiteDatabase.open(path: path))
    }
}

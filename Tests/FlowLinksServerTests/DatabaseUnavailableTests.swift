import FlowLinksCore
import FlowLinksServer
import FlowLinksStore
import FlowLinksTesting
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Synchronization
import Testing

/// Conversations whose database is down until told otherwise.
final class InterruptibleConversations: ConversationStore {
    let working: any ConversationStore
    let isDown = Mutex(true)

    init(_ working: any ConversationStore) { self.working = working }

    private func check() throws {
        if isDown.withLock({ $0 }) { throw StoreUnavailable("connection refused") }
    }

    func converse<Rendered: Sendable>(
        _ message: InboundMessage, eventID: String, engine: Engine, now: Date,
        render: @escaping @Sendable (TurnOutcome) -> (Rendered, [PlatformCall])
    ) async throws -> (TurnOutcome, Rendered) {
        try check()
        return try await working.converse(message, eventID: eventID, engine: engine, now: now, render: render)
    }

    func converse(_ message: InboundMessage, engine: Engine, now: Date) async throws -> TurnOutcome {
        try check()
        return try await working.converse(message, engine: engine, now: now)
    }

    func open(
        _ key: ConversationKey, participant: String?, locale: String?, engine: Engine, now: Date
    ) async throws
        -> TurnOutcome
    {
        try check()
        return try await working.open(key, participant: participant, locale: locale, engine: engine, now: now)
    }

    func pause(_ key: ConversationKey, engine: Engine, now: Date) async throws -> TurnOutcome? {
        try check()
        return try await working.pause(key, engine: engine, now: now)
    }

    func hasProcessed(_ key: ConversationKey, eventID: String) async throws -> Bool {
        try check()
        return try await working.hasProcessed(key, eventID: eventID)
    }

    func currentSession(_ key: ConversationKey) async throws -> SessionRecord? {
        try check()
        return try await working.currentSession(key)
    }

    func transcript(ofSession id: Int64) async throws -> [TranscriptLine] {
        try check()
        return try await working.transcript(ofSession: id)
    }
}

@Suite("While the database is unavailable")
struct DatabaseUnavailableTests {
    @Test func aMessageGets503WithRetryAfterAndItsRetryIsAnsweredOnceTheDatabaseIsBack() async throws {
        var server = try TestServer()
        let conversations = InterruptibleConversations(server.database.conversations)
        var stores = server.database.stores
        stores.conversations = conversations
        server.stores = stores
        try await server.test { client in
            let refused = try await client.sendGeneric("hello", messageID: "m1")
            #expect(refused.status == .serviceUnavailable)
            #expect(refused.headers[.retryAfter] == "5")
            #expect(refused.text.contains("try again"))
            #expect(!refused.text.contains("connection refused"), "the cause stays in the log")

            conversations.isDown.withLock { $0 = false }
            let answered = try await client.sendGeneric("hello", messageID: "m1")
            #expect(answered.status == .ok)
            #expect(answered.messageTexts.first?.contains("FlowLinks") == true)
        }
        #expect(try server.database.rowCounts()["processed_events"] == 1)
    }
}

import FlowLinksCore
import FlowLinksStore
import FlowLinksTesting
import Foundation
import Testing

@Suite("The outbox: calls made in order, retried, given up on and re-queued")
struct OutboxContractTests {
    let now = TestClock().now

    @Test(arguments: StoreBackend.available)
    func aCallIsStoredAsQueuedAndMarkedSentOnce(backend: StoreBackend) async throws {
        try await backend.withStores { stores in
            let bytes: [UInt8] = [0, 1, 0x7F, 0x80, 0xFF]
            try await stores.outbox.enqueue(
                [PlatformCall(channel: "slack", method: "chat.postMessage", body: bytes)], for: key("a"), at: now)
            let claimed = try #require(try await stores.outbox.claimDueDeliveries(at: now, lease: 20, limit: 8).first)
            #expect(claimed.body == Data(bytes), "the body keeps every byte")
            #expect(claimed.channel == "slack")
            #expect(claimed.method == "chat.postMessage")
            #expect(claimed.conversation == "a")
            #expect(claimed.status == .pending)
            #expect(claimed.createdAt == now)
            let id = try #require(claimed.id)
            try await stores.outbox.markDelivered(id, at: now + 1)
            let sent = try #require(try await stores.outbox.outboxRecord(id: id))
            #expect(sent.status == .sent)
            #expect(sent.sentAt == now + 1)
            #expect(sent.attempts == 1)
            #expect(try await stores.outbox.claimDueDeliveries(at: now + 60, lease: 20, limit: 8).isEmpty)
            #expect(try await stores.outbox.nextDeliveryDate() == nil)
        }
    }

    @Test(arguments: StoreBackend.available)
    func aConversationWithANulInItsNameIsRefused(backend: StoreBackend) async throws {
        try await backend.withStores { stores in
            await #expect(throws: StoreInputError.nulInKey("conversation")) {
                try await stores.outbox.enqueue([call("x")], for: key("a\u{0}b"), at: now)
            }
            let queued = try await stores.outbox.outboxCalls(withStatus: [.pending], limit: 10)
            #expect(queued.total == 0)
        }
    }

    @Test(arguments: StoreBackend.available)
    func aFailedAttemptIsRetriedAtItsTimeBeforeTheLeaseRunsOut(backend: StoreBackend) async throws {
        try await backend.withStores { stores in
            try await stores.outbox.enqueue([call("one"), call("two")], for: key("a"), at: now)
            let one = try #require(try await stores.outbox.claimDueDeliveries(at: now, lease: 20, limit: 8).first?.id)
            try await stores.outbox.markAttemptFailed(one, error: "HTTP 429\u{0} slow down", retryAt: now + 5)
            #expect(try await stores.outbox.nextDeliveryDate() == now + 5)
            #expect(try await stores.outbox.claimDueDeliveries(at: now + 4, lease: 20, limit: 8).isEmpty)
            let retried = try await stores.outbox.claimDueDeliveries(at: now + 5, lease: 20, limit: 8)
            #expect(retried.map(\.id) == [one], "the failed call still goes before the next one")
            #expect(retried.first?.attempts == 1)
            #expect(retried.first?.lastError == "HTTP 429\u{FFFD} slow down")
        }
    }

    @Test(arguments: StoreBackend.available)
    func aCallThatGivesUpFailsAndLetsItsConversationGoOn(backend: StoreBackend) async throws {
        try await backend.withStores { stores in
            try await stores.outbox.enqueue([call("one"), call("two")], for: key("a"), at: now)
            let one = try #require(try await stores.outbox.claimDueDeliveries(at: now, lease: 20, limit: 8).first?.id)
            try await stores.outbox.markAttemptFailed(one, error: "HTTP 403: bot was blocked", retryAt: nil)
            let failed = try #require(try await stores.outbox.outboxRecord(id: one))
            #expect(failed.status == .failed)
            #expect(failed.lastError == "HTTP 403: bot was blocked")
            #expect(texts(try await stores.outbox.claimDueDeliveries(at: now, lease: 20, limit: 8)) == ["two"])
        }
    }

    @Test(arguments: StoreBackend.available)
    func theNextDeliveryIsWhenAConversationsFirstCallFallsDueOrItsLeaseRunsOut(
        backend: StoreBackend
    )
        async throws
    {
        try await backend.withStores { stores in
            #expect(try await stores.outbox.nextDeliveryDate() == nil)
            try await stores.outbox.enqueue([call("one"), call("two")], for: key("a"), at: now)
            #expect(try await stores.outbox.nextDeliveryDate() == now)
            _ = try await stores.outbox.claimDueDeliveries(at: now, lease: 20, limit: 8)
            #expect(
                try await stores.outbox.nextDeliveryDate() == now + 20,
                "the second call waits behind the claimed one, so it is not due before the lease ends")
        }
    }

    @Test(arguments: StoreBackend.available)
    func listShowsTheChosenStatusesNewestFirstWithTheirTotal(backend: StoreBackend) async throws {
        try await backend.withStores { stores in
            try await stores.outbox.enqueue([call("one"), call("two"), call("three")], for: key("a"), at: now)
            try await stores.outbox.enqueue([call("other")], for: key("b"), at: now)
            let claimed = try await stores.outbox.claimDueDeliveries(at: now, lease: 20, limit: 8)
            try await stores.outbox.markDelivered(try #require(claimed.first?.id), at: now)
            try await stores.outbox.markAttemptFailed(try #require(claimed.last?.id), error: "gone", retryAt: nil)
            let pending = try await stores.outbox.outboxCalls(withStatus: [.pending], limit: 1)
            #expect(pending.total == 2)
            #expect(texts(pending.calls) == ["three"])
            let all = try await stores.outbox.outboxCalls(withStatus: Set(OutboxRecord.Status.allCases), limit: 10)
            #expect(texts(all.calls) == ["other", "three", "two", "one"])
            #expect(all.total == 4)
            #expect(try await stores.outbox.outboxCalls(withStatus: [], limit: 10) == OutboxPage(calls: [], total: 0))
        }
    }

    @Test(arguments: StoreBackend.available)
    func requeueingFailedCallsIsAllOrNothing(backend: StoreBackend) async throws {
        try await backend.withStores { stores in
            try await stores.outbox.enqueue([call("one")], for: key("a"), at: now)
            try await stores.outbox.enqueue([call("two")], for: key("b"), at: now)
            try await stores.outbox.enqueue([call("three")], for: key("c"), at: now)
            let ids = try await stores.outbox.claimDueDeliveries(at: now, lease: 20, limit: 8).compactMap(\.id)
            try await stores.outbox.markAttemptFailed(ids[0], error: "gone", retryAt: nil)
            try await stores.outbox.markAttemptFailed(ids[1], error: "gone", retryAt: nil)
            try await stores.outbox.markDelivered(ids[2], at: now)

            let refused = try await stores.outbox.requeueFailedDeliveries(ids: [ids[0], ids[2], 999], at: now)
            #expect(refused == OutboxRequeue(requeued: [], unknown: [999], notFailed: [ids[2]: .sent]))
            #expect(try await stores.outbox.outboxRecord(id: ids[0])?.status == .failed, "nothing was re-queued")

            let later = now + 3600
            let done = try await stores.outbox.requeueFailedDeliveries(ids: [ids[0], ids[0]], at: later)
            #expect(done == OutboxRequeue(requeued: [ids[0]]))
            let call = try #require(try await stores.outbox.outboxRecord(id: ids[0]))
            #expect(call.status == .pending)
            #expect(call.attempts == 0)
            #expect(call.nextAttemptAt == later)
            #expect(try await stores.outbox.claimDueDeliveries(at: later, lease: 20, limit: 8).map(\.id) == [ids[0]])

            #expect(try await stores.outbox.requeueAllFailedDeliveries(at: later) == 1)
            #expect(try await stores.outbox.outboxRecord(id: ids[1])?.status == .pending)
            #expect(try await stores.outbox.requeueAllFailedDeliveries(at: later) == 0)
        }
    }

    @Test(arguments: StoreBackend.available)
    func deliverersWorkingAtOnceMakeEveryCallOnceAndEachConversationsInOrder(
        backend: StoreBackend
    )
        async throws
    {
        try await backend.withStores { stores in
            for conversation in 0..<10 {
                try await stores.outbox.enqueue(
                    (0..<4).map { call("c\(conversation)-\($0)") }, for: key("c\(conversation)"), at: now)
            }
            let outbox = stores.outbox
            let now = self.now
            let log = DeliveryLog()
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<4 {
                    group.addTask {
                        while true {
                            let due = try await outbox.claimDueDeliveries(at: now, lease: 60, limit: 3)
                            if due.isEmpty { return }
                            for call in due {
                                // why: logged before it is marked sent, and the conversation's next call
                                // cannot be claimed before that, so the log's order is the order made.
                                await log.add(call)
                                try await outbox.markDelivered(try #require(call.id), at: now)
                            }
                        }
                    }
                }
                try await group.waitForAll()
            }
            let made = await log.calls
            #expect(made.count == 40)
            #expect(Set(made.compactMap(\.id)).count == 40, "no call was made twice")
            for conversation in 0..<10 {
                #expect(
                    texts(made.filter { $0.conversation == "c\(conversation)" }) == (0..<4).map { "c\(conversation)-\($0)" },
                    "a conversation's calls were made in the order they were queued")
            }
            #expect(try await outbox.outboxCalls(withStatus: [.sent], limit: 100).total == 40)
        }
    }
}

/// The calls deliverers made, in the order they made them.
actor DeliveryLog {
    private(set) var calls: [OutboxRecord] = []

    func add(_ call: OutboxRecord) { calls.append(call) }
}

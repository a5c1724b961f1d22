import FlowLinksCore
import FlowLinksStore
import FlowLinksTesting
import Foundation
import Testing

@Suite("Outbox claims: no call made twice at once, none lost when a deliverer dies")
struct OutboxClaimContractTests {
    let now = TestClock().now

    @Test(arguments: StoreBackend.available)
    func aClaimedCallIsNotClaimedAgainUntilItsLeaseRunsOut(backend: StoreBackend) async throws {
        try await backend.withStores { stores in
            try await stores.outbox.enqueue([call("one")], for: key("a"), at: now)
            let first = try await stores.outbox.claimDueDeliveries(at: now, lease: 20, limit: 8)
            #expect(texts(first) == ["one"])
            #expect(try await stores.outbox.claimDueDeliveries(at: now + 19, lease: 20, limit: 8).isEmpty)
            let again = try await stores.outbox.claimDueDeliveries(at: now + 21, lease: 20, limit: 8)
            #expect(again.map(\.id) == first.map(\.id), "a deliverer that died leaves the call to the next")
        }
    }

    @Test(arguments: StoreBackend.available)
    func aConversationsNextCallWaitsForItsClaimedOne(backend: StoreBackend) async throws {
        try await backend.withStores { stores in
            try await stores.outbox.enqueue([call("one"), call("two")], for: key("a"), at: now)
            try await stores.outbox.enqueue([call("other")], for: key("b"), at: now)
            let claimed = try await stores.outbox.claimDueDeliveries(at: now, lease: 20, limit: 8)
            #expect(texts(claimed) == ["one", "other"])
            #expect(try await stores.outbox.claimDueDeliveries(at: now, lease: 20, limit: 8).isEmpty)
            let one = try #require(claimed.first?.id)
            try await stores.outbox.markDelivered(one, at: now)
            let next = try await stores.outbox.claimDueDeliveries(at: now, lease: 20, limit: 8)
            #expect(texts(next) == ["two"])
        }
    }

    @Test(arguments: StoreBackend.available)
    func concurrentClaimsNeverShareACall(backend: StoreBackend) async throws {
        try await backend.withStores { stores in
            for conversation in 0..<40 {
                try await stores.outbox.enqueue([call("\(conversation)")], for: key("c\(conversation)"), at: now)
            }
            let outbox = stores.outbox
            let now = self.now
            let claims = try await withThrowingTaskGroup(of: [Int64].self) { group in
                for _ in 0..<6 {
                    group.addTask { try await outbox.claimDueDeliveries(at: now, lease: 20, limit: 8).compactMap(\.id) }
                }
                return try await group.reduce(into: [Int64]()) { $0 += $1 }
            }
            #expect(claims.count == Set(claims).count, "no call was handed to two deliverers")
            #expect(claims.count == 40)
        }
    }
}

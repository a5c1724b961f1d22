import FlowLinksStore
import FlowLinksTesting
import Foundation
import Testing

@Suite("Throttles: a burst, then a steady rate, one budget however many replicas take from it")
struct ThrottleContractTests {
    let now = TestClock().now
    let limit = ThrottleLimit(name: "sign-in-name", burst: 3, perMinute: 2)

    func takes(_ count: Int, from store: any ThrottleStore, key: String = "carol", at time: Date) async throws -> [Bool] {
        var taken: [Bool] = []
        for _ in 0..<count { taken.append(try await store.take(limit, key: key, at: time)) }
        return taken
    }

    @Test(arguments: StoreBackend.available)
    func aBurstThenOneTokenPerRefillInterval(backend: StoreBackend) async throws {
        try await backend.withStores { stores in
            let burst = try await takes(4, from: stores.throttles, at: now)
            let tooSoon = try await takes(1, from: stores.throttles, at: now + 29)
            let refilled = try await takes(2, from: stores.throttles, at: now + 30)
            let otherKey = try await takes(1, from: stores.throttles, key: "dave", at: now + 30)
            #expect(burst == [true, true, true, false])
            #expect(tooSoon == [false])
            #expect(refilled == [true, false], "two a minute: one after 30 s")
            #expect(otherKey == [true], "another key has its own")
        }
    }

    @Test(arguments: StoreBackend.available)
    func aGivenBackTokenCanBeTakenAgainButNeverAboveTheBurst(backend: StoreBackend) async throws {
        try await backend.withStores { stores in
            _ = try await takes(3, from: stores.throttles, at: now)
            try await stores.throttles.giveBack(limit, key: "carol")
            let afterGivingBack = try await takes(2, from: stores.throttles, at: now)
            try await stores.throttles.giveBack(limit, key: "erin")
            let unused = try await takes(4, from: stores.throttles, key: "erin", at: now)
            #expect(afterGivingBack == [true, false])
            #expect(unused == [true, true, true, false], "giving back to a full or unknown bucket adds nothing")
        }
    }

    @Test(arguments: StoreBackend.available)
    func attemptsSpreadAcrossReplicasAndMadeAtOnceMeetOneBudget(backend: StoreBackend) async throws {
        try await backend.withStores { stores in
            let taken = try await withThrowingTaskGroup(of: Bool.self) { group in
                for attempt in 0..<12 {
                    let store = attempt.isMultiple(of: 2) ? stores.throttles : stores.replica.throttles
                    group.addTask { try await store.take(limit, key: "carol", at: now) }
                }
                return try await group.reduce(into: 0) { $0 += $1 ? 1 : 0 }
            }
            #expect(taken == 3)
        }
    }

    @Test(arguments: StoreBackend.available)
    func aLongUntouchedBucketIsFullAgain(backend: StoreBackend) async throws {
        try await backend.withStores { stores in
            _ = try await takes(3, from: stores.throttles, at: now)
            let later = try await takes(4, from: stores.throttles, at: now + 3600)
            #expect(later == [true, true, true, false])
        }
    }
}

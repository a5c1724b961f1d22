import FlowLinksCore
import FlowLinksPostgres
import FlowLinksStore
import FlowLinksTesting
import Foundation
import PostgresNIO
import Testing

/// What only PostgreSQL's outbox has to show: replicas with pools of their own claiming from one
/// database, and a claim that passes over a call another replica is claiming instead of waiting.
@Suite(PostgresTestServer.available)
struct PostgresOutboxClaimTests {
    let now = TestClock().now

    func call(_ text: String) -> PlatformCall {
        PlatformCall(channel: "telegram", method: "sendMessage", body: Array(text.utf8))
    }

    @Test func twoReplicasClaimingAtOnceNeverMakeACallTwice() async throws {
        try await PostgresTestServer.withFreshSchema { location in
            try await PostgreSQLDatabase.withDatabase(location: location, poolSize: 3) { first in
                try await first.migrate()
                try await PostgreSQLDatabase.withDatabase(location: location, poolSize: 3) { second in
                    let replicas: [any OutboxStore] = [
                        PostgresOutboxStore(database: first), PostgresOutboxStore(database: second),
                    ]
                    for conversation in 0..<30 {
                        try await replicas[0].enqueue(
                            [call("\(conversation)-0"), call("\(conversation)-1")],
                            for: ConversationKey(channel: "telegram", conversation: "c\(conversation)"), at: now)
                    }
                    let now = self.now
                    let made = try await withThrowingTaskGroup(of: [Int64].self) { group in
                        for worker in 0..<6 {
                            let outbox = replicas[worker % 2]
                            group.addTask {
                                var made: [Int64] = []
                                while true {
                                    let due = try await outbox.claimDueDeliveries(at: now, lease: 60, limit: 4)
                                    if due.isEmpty { return made }
                                    for call in due {
                                        let id = try #require(call.id)
                                        made.append(id)
                                        try await outbox.markDelivered(id, at: now)
                                    }
                                }
                            }
                        }
                        return try await group.reduce(into: [Int64]()) { $0 += $1 }
                    }
                    #expect(made.count == 60)
                    #expect(Set(made).count == 60, "no call was made by both replicas")
                }
            }
        }
    }

    @Test func aClaimPassesOverACallAnotherReplicaHoldsLocked() async throws {
        try await PostgresTestServer.withFreshSchema { location in
            try await PostgreSQLDatabase.withDatabase(location: location, poolSize: 1) { try await $0.migrate() }
            var location = location
            // why: a claim that waited on the lock would wait for this test's transaction, which waits
            // for the claim; the server ends that wait with an error instead of the test hanging. (The
            // migration above runs without it: it waits for other tests' migrations on the lock they share.)
            location.serverOptions = (location.serverOptions ?? "") + " -c lock_timeout=5000"
            try await PostgreSQLDatabase.withDatabase(location: location, poolSize: 2) { database in
                let outbox = PostgresOutboxStore(database: database)
                try await outbox.enqueue([call("held")], for: ConversationKey(channel: "telegram", conversation: "a"), at: now)
                try await outbox.enqueue([call("free")], for: ConversationKey(channel: "telegram", conversation: "b"), at: now)
                let claimed = try await database.transaction { connection in
                    // why: as another replica's claim does, between its pick and its commit.
                    try await connection.query(
                        "SELECT id FROM outbox WHERE conversation = 'a' FOR UPDATE", logger: PostgresTestServer.logger)
                    return try await outbox.claimDueDeliveries(at: now, lease: 20, limit: 8)
                }
                #expect(claimed.map { String(decoding: $0.body, as: UTF8.self) } == ["free"])
                #expect(
                    try await outbox.claimDueDeliveries(at: now, lease: 20, limit: 8).map(\.conversation) == ["a"],
                    "once the lock is gone, the call is claimed")
            }
        }
    }
}

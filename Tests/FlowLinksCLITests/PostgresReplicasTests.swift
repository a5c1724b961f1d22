import AsyncHTTPClient
import FlowLinksTesting
import Foundation
import NIOCore
import Testing

/// `flowlinks serve --db postgres://…`: two replicas, as two processes, serve one conversation.
// why: serialized, and run apart from the PostgreSQL suites in CI: `ServerProcess` and `Program`
// wait for their child on the test's thread, and a child waiting on a lock that this process's
// suites hold (which need those threads) would never be answered.
@Suite("flowlinks serve on PostgreSQL, as two programs", .serialized, PostgresTestServer.available)
struct PostgresReplicasTests {
    @Test(.timeLimit(.minutes(2)))
    func twoReplicasTakeTurnsThroughAWholeSessionAndBothAreReady() async throws {
        try await PostgresTestServer.withFreshSchemaURL { url in
            // why: both start together on an empty schema, so both try to migrate at once.
            let replicas = try [ServerProcess(database: url), ServerProcess(database: url)]
            defer { replicas.forEach { $0.stop() } }
            #expect(replicas.allSatisfy { $0.log.contains("Server started and listening") })
            let password = try #require(try PostgresTestServer.location().password)
            #expect(!replicas.contains { $0.log.contains(password) }, "the password is never logged")
            var last = ""
            for (index, text) in (["hello"] + SampleAnswers.complete).enumerated() {
                let reply = try await replicas[index % 2].send(text, id: index)
                #expect(reply.status == 200, "message \(index) to replica \(index % 2)")
                last = reply.replies
            }
            #expect(last.contains("Involving"), "the recommendation comes back: \(last)")
            // why: the first message again, to the other replica, is a retry: replayed, not a second turn.
            let again = try await replicas[1].send("hello", id: 0)
            let json = try JSONSerialization.jsonObject(with: Data(again.replies.utf8)) as? [String: Any]
            #expect(again.status == 200)
            #expect(json?["replay"] as? Bool == true)
            for replica in replicas {
                let ready = try await HTTPClient.shared.execute(
                    HTTPClientRequest(url: replica.baseURL + "/readyz"), timeout: .seconds(10))
                #expect(ready.status == .ok)
            }
        }
    }

    @Test(.timeLimit(.minutes(2)))
    func theCommandsThatManageTheDataWorkOnPostgreSQLAndTheFileOnesSaySo() async throws {
        try await PostgresTestServer.withFreshSchemaURL { url in
            let added = try Program.run(["facilitators", "add", "maria", "--db", url], input: ["correct horse battery"])
            #expect(added.status == 0, "\(added.errors)")
            let listed = try Program.run(["facilitators", "list", "--db", url], input: [])
            #expect(listed.output.hasPrefix("maria\t"))
            let replica = try ServerProcess(database: url)
            defer { replica.stop() }
            for (index, text) in (["hello"] + SampleAnswers.complete).enumerated() {
                _ = try await replica.send(text, id: index)
            }
            let sessions = try Program.run(["sessions", "list", "--db", url], input: [])
            #expect(sessions.status == 0, "\(sessions.errors)")
            #expect(sessions.output.contains("Riverside Family Services"))
            let backup = try Program.run(["db", "backup", "copy.sqlite", "--db", url], input: [])
            #expect(backup.status == 1)
            #expect(backup.errors.contains("db backup works on an SQLite file. For PostgreSQL use its own tools"))
            let password = try #require(try PostgresTestServer.location().password)
            #expect(![added, listed, sessions, backup].contains { $0.output.contains(password) || $0.errors.contains(password) })
        }
    }
}

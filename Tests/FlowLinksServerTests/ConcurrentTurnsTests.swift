import FlowLinksServer
import FlowLinksStore
import FlowLinksTesting
import Foundation
import HummingbirdTesting
import Testing

@Suite("Many conversations at once on a database file")
struct ConcurrentTurnsTests {
    // why: on a file the store reads through a pool of readers; a turn that blocked a thread while
    // waiting for one deadlocked the server once more conversations arrived than it had threads.
    @Test(.timeLimit(.minutes(1)))
    func sixtyFourNewConversationsAtOnceAreAllAnswered() async throws {
        let folder = try TemporaryFolder()
        let server = try TestServer(config: TestServer().config, database: SQLiteDatabase.open(path: folder.database))
        let statuses = try await server.test { client in
            try await withThrowingTaskGroup(of: Int.self) { group in
                for index in 0..<64 {
                    group.addTask { Int(try await client.sendGeneric("hello", conversation: "team-\(index)").status.code) }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
        }
        #expect(statuses.count == 64)
        #expect(statuses.allSatisfy { $0 == 200 })
        #expect(try server.database.rowCounts()["sessions"] == 64)
    }
}

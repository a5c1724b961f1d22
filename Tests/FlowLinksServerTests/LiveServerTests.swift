import FlowLinksServer
import FlowLinksTesting
import Foundation
import HummingbirdTesting
import Testing

@Suite("The real server on 127.0.0.1")
struct LiveServerTests {
    @Test func aWholeSessionOverARealSocket() async throws {
        let server = try TestServer { $0.generic = GenericSettings(token: "live-token") }
        try await server.application.test(.live) { client in
            #expect(client.port != nil)
            let health = try await client.execute(uri: "/healthz", method: .get)
            #expect(health.status == .ok)
            var reply = try await client.sendGeneric("hello", token: "live-token")
            for answer in SampleAnswers.complete {
                reply = try await client.sendGeneric(answer, token: "live-token")
                #expect(reply.status == .ok)
            }
            #expect(reply.messageTexts.joined().contains("Recommended level: Involving"))
            let refused = try await client.sendGeneric("hello", token: nil)
            #expect(refused.status == .unauthorized)
        }
        #expect(try server.database.rowCounts()["results"] == 1)
    }
}

import FlowLinksServer
import FlowLinksStore
import FlowLinksTesting
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

@Suite("Limits on new conversations and on slow connections")
struct ConnectionLimitsTests {
    @Test func newConversationsPastTheLimitAreRefusedWhileStartedOnesGoOn() async throws {
        let server = try TestServer { $0.newConversationsPerMinute = 3 }
        try await server.test { client in
            for number in 1...3 {
                #expect(try await client.sendGeneric("hello", conversation: "team-\(number)").status == .ok)
            }
            let refused = try await client.sendGeneric("hello", conversation: "team-4")
            #expect(refused.status == .tooManyRequests)
            #expect(
                refused.json["error"] as? String == "Too many new conversations from this address; please try again in a minute.")
            #expect(try await client.sendGeneric("Riverside", conversation: "team-1").status == .ok)
            let metrics = try await client.execute(uri: "/metrics", method: .get).text
            #expect(metrics.contains(#"flowlinks_new_conversations_refused_total{channel="generic",limit="address"} 1"#))
            server.clock.advance(20)
            #expect(try await client.sendGeneric("hello", conversation: "team-4").status == .ok, "a minute refills it")
        }
        #expect(try server.database.rowCounts()["sessions"] == 4)
    }

    @Test func theChannelHasABudgetOfItsOwn() async throws {
        let server = try TestServer { $0.newConversationsPerChannelPerMinute = 2 }
        try await server.test { client in
            for number in 1...2 { try await client.sendGeneric("hello", conversation: "team-\(number)") }
            let refused = try await client.sendGeneric("hello", conversation: "team-3")
            #expect(refused.status == .tooManyRequests)
            #expect((refused.json["error"] as? String)?.contains("on this channel") == true)
        }
    }

    @Test func behindATrustedProxyEachForwardedClientHasItsOwnBudget() async throws {
        let server = try TestServer {
            $0.genericToken = "live-token-0123456789"
            $0.newConversationsPerMinute = 2
            $0.behindProxy = true
        }
        try await server.application.test(.live) { client async throws in
            #expect(try await client.startForwarded("a-1", from: "203.0.113.1") == .ok)
            #expect(try await client.startForwarded("a-2", from: "203.0.113.1") == .ok)
            #expect(try await client.startForwarded("a-3", from: "203.0.113.1") == .tooManyRequests)
            #expect(try await client.startForwarded("b-1", from: "203.0.113.2") == .ok, "another client behind the same proxy")
        }
    }

    @Test func aRequestThatStallsHalfSentIsClosed() async throws {
        let server = try TestServer { $0.requestTimeoutSeconds = 0.3 }
        try await server.application.test(.live) { client async throws in
            let port = try #require(client.port)
            let socket = try RawSocket(port: port)
            defer { socket.close() }
            try socket.send("POST /webhooks/generic HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 500\r\n\r\n{\"conv")
            // why: the read gives up after 10 s on its own, so a server that never closes fails
            // the test instead of hanging it.
            #expect(try socket.readUntilClosed(giveUpAfter: 10) == .closedByServer)
        }
    }

    @Test func metricsExistFromTheStartWithTheProcessFigures() async throws {
        let server = try TestServer()
        try await server.test { client in
            let metrics = try await client.execute(uri: "/metrics", method: .get).text
            #expect(metrics.contains(#"flowlinks_turns_total{channel="generic"} 0"#))
            #expect(metrics.contains(#"flowlinks_webhook_errors_total{channel="generic",status="500"} 0"#))
            #expect(metrics.contains(#"flowlinks_new_conversations_refused_total{channel="generic",limit="address"} 0"#))
            for name in ["process_resident_memory_bytes", "process_open_fds", "process_start_time_seconds"] {
                let line = try #require(metrics.split(separator: "\n").first { $0.hasPrefix(name + " ") })
                let value = try #require(Double(line.split(separator: " ")[1]))
                #expect(value > 0, "\(name)")
            }
        }
    }
}

extension TestClientProtocol {
    /// Starts a generic-channel conversation as a proxy at 127.0.0.1 forwarding for `address`.
    func startForwarded(_ conversation: String, from address: String) async throws -> HTTPResponse.Status {
        let body = #"{"conversation":"\#(conversation)","message_id":"1","text":"hello"}"#
        return try await execute(
            uri: "/webhooks/generic", method: .post,
            headers: [
                .contentType: "application/json", .authorization: "Bearer live-token-0123456789",
                HTTPField.Name("X-Forwarded-For")!: "198.51.100.7, \(address)",
            ],
            body: ByteBuffer(string: body)
        ).status
    }
}

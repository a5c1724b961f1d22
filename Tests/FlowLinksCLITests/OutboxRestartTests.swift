import AsyncHTTPClient
import FlowLinksChannels
import FlowLinksPlatformFakes
import Foundation
import NIOCore
import Testing

/// Replies queued for a platform's API survive the server being killed, and a failed one can be sent again.
@Suite("The outbox of flowlinks serve, as a program")
struct OutboxRestartTests {
    static let secret = "slack-signing-secret"

    static func slackEnvironment(api: String) -> [String: String] {
        [
            "FLOWLINKS_SLACK_SIGNING_SECRET": secret, "FLOWLINKS_SLACK_BOT_TOKEN": "xoxb-restart",
            "FLOWLINKS_SLACK_API_BASE_URL": api,
        ]
    }

    /// A Slack direct message, signed now.
    static func postDirectMessage(_ text: String, eventID: String, to server: ServerProcess) async throws -> Int {
        let body = #"""
            {"type":"event_callback","team_id":"T1","event_id":"\#(eventID)","event":{"type":"message","channel":"D1","channel_type":"im","user":"U1","text":"\#(text)","ts":"1.2"}}
            """#
        let stamp = String(Int(Date().timeIntervalSince1970))
        var request = HTTPClientRequest(url: server.baseURL + "/webhooks/slack")
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "X-Slack-Request-Timestamp", value: stamp)
        request.headers.add(
            name: "X-Slack-Signature",
            value: "v0=" + Signature.hmacSHA256Hex(Array("v0:\(stamp):\(body)".utf8), secret: secret))
        request.body = .bytes(ByteBuffer(string: body))
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        return Int(response.status.code)
    }

    @Test(.timeLimit(.minutes(1)))
    func repliesPendingWhenTheServerIsKilledAreDeliveredAfterARestart() async throws {
        let database = try ServerProcess.temporaryDatabase()
        // why: nothing listens on port 1, so the first server can only queue and retry.
        let first = try ServerProcess(database: database, environment: Self.slackEnvironment(api: "http://127.0.0.1:1"))
        #expect(try await Self.postDirectMessage("hi", eventID: "Ev1", to: first) == 200)
        #expect(try await Self.postDirectMessage("Riverside", eventID: "Ev2", to: first) == 200)
        first.kill()

        let api = FakePlatformAPI.slack()
        try await api.run { base in
            let second = try ServerProcess(database: database, environment: Self.slackEnvironment(api: base))
            defer { second.stop() }
            let greeting = await api.nextCall()
            let next = await api.nextCall()
            #expect(greeting?.path == "/chat.postMessage")
            #expect(greeting?.body.contains("name of your organization") == true)
            #expect(next?.body.contains("Which program, project or initiative") == true)
        }
        #expect(api.delivered.count == 2, "each queued reply is sent exactly once")
    }

    @Test(.timeLimit(.minutes(1)))
    func aFailedReplyRequeuedWithTheCommandIsSentByTheRunningServer() async throws {
        let database = try ServerProcess.temporaryDatabase()
        // why: 400 is a refusal, so the first attempt marks the delivery failed at once.
        let api = FakePlatformAPI.slack(statuses: [400])
        try await api.run { base in
            let server = try ServerProcess(database: database, environment: Self.slackEnvironment(api: base))
            defer { server.stop() }
            #expect(try await Self.postDirectMessage("hi", eventID: "Ev1", to: server) == 200)
            #expect(await api.nextCall()?.status == 400)
            // why: the server records the failure just after the fake answered; wait for that record.
            var retry = try Program.run(["outbox", "retry", "--all", "--db", database], input: [])
            for _ in 0..<200 where retry.output.hasPrefix("No failed deliveries") {
                try await Task.sleep(for: .milliseconds(25))
                retry = try Program.run(["outbox", "retry", "--all", "--db", database], input: [])
            }
            #expect(retry.status == 0)
            #expect(retry.output.hasPrefix("Re-queued 1 failed delivery"))
            let resent = await api.nextCall()
            #expect(resent?.status == 200)
            #expect(resent?.body.contains("name of your organization") == true)
        }
        let listed = try Program.run(["outbox", "list", "--status", "failed", "--db", database], input: [])
        #expect(!listed.output.contains("chat.postMessage"), "nothing is left failed")
    }
}

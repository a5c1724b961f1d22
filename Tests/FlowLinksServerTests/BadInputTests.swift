import FlowLinksServer
import FlowLinksStore
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

@Suite("Bad input gets a clear 4xx and changes nothing")
struct BadInputTests {
    struct BadRequest: CustomTestStringConvertible, Sendable {
        let name: String
        let contentType: String
        let body: [UInt8]
        let status: HTTPResponse.Status
        let message: String

        var testDescription: String { name }
    }

    static let cases: [BadRequest] = [
        .init(
            name: "malformed JSON", contentType: "application/json", body: Array("{\"conversation\": ".utf8),
            status: .badRequest, message: "not valid JSON"),
        .init(
            name: "a JSON array", contentType: "application/json", body: Array("[1, 2]".utf8),
            status: .badRequest, message: "must be a JSON object"),
        .init(name: "empty body", contentType: "application/json", body: [], status: .badRequest, message: "not valid JSON"),
        .init(
            name: "a number where text belongs", contentType: "application/json",
            body: Array(#"{"conversation": 7, "message_id": "m", "text": "hi"}"#.utf8),
            status: .badRequest, message: "wrong type"),
        .init(
            name: "a missing field", contentType: "application/json",
            body: Array(#"{"conversation": "c", "text": "hi"}"#.utf8), status: .badRequest, message: "message_id"),
        .init(
            name: "an empty conversation", contentType: "application/json",
            body: Array(#"{"conversation": " ", "message_id": "m", "text": "hi"}"#.utf8),
            status: .badRequest, message: "conversation"),
        .init(
            name: "invalid UTF-8", contentType: "application/json",
            body: Array(#"{"conversation": "c", "message_id": "m", "text": ""#.utf8) + [0xff, 0xfe] + Array(#""}"#.utf8),
            status: .badRequest, message: "UTF-8"),
        .init(
            name: "a NUL in the message id", contentType: "application/json",
            body: Array(#"{"conversation": "c", "message_id": "m\u0000other", "text": "hi"}"#.utf8),
            status: .badRequest, message: "NUL"),
        .init(
            name: "a NUL in the conversation", contentType: "application/json",
            body: Array(#"{"conversation": "c\u0000other", "message_id": "m", "text": "hi"}"#.utf8),
            status: .badRequest, message: "NUL"),
        .init(
            name: "form data instead of JSON", contentType: "application/x-www-form-urlencoded",
            body: Array("conversation=c&message_id=m&text=hi".utf8), status: .unsupportedMediaType,
            message: "application/json"),
        .init(
            name: "an oversized body", contentType: "application/json",
            body: Array(#"{"conversation": "c", "message_id": "m", "text": ""#.utf8) + Array(repeating: 0x61, count: 70_000)
                + Array(#""}"#.utf8),
            status: .contentTooLarge, message: "larger than"),
    ]

    @Test(arguments: cases)
    func isRefusedWithAPlainMessage(_ bad: BadRequest) async throws {
        let server = try TestServer()
        try await server.test { client in
            try await client.sendGeneric("hello")
            let before = try server.database.rowCounts()
            let response = try await client.execute(
                uri: "/webhooks/generic", method: .post, headers: [.contentType: bad.contentType],
                body: ByteBuffer(bytes: bad.body))
            #expect(response.status == bad.status)
            let error = try #require(response.json["error"] as? String)
            #expect(error.contains(bad.message))
            #expect(try server.database.rowCounts() == before)
            #expect(try await client.sendGeneric("Riverside").status == .ok)
        }
    }

    @Test func unknownRoutesAre404AndWrongMethods405() async throws {
        let server = try TestServer()
        try await server.test { client in
            let nowhere = try await client.execute(uri: "/webhooks/nowhere", method: .post)
            #expect(nowhere.status == .notFound)
            #expect(nowhere.json["error"] as? String == "Nothing is served at this address.")
            let nothing = try await client.execute(uri: "/nothing-here", method: .get)
            #expect(nothing.status == .notFound)
            let get = try await client.execute(uri: "/webhooks/generic", method: .get)
            #expect(get.status == .methodNotAllowed)
            #expect(get.headers[.allow] == "POST")
        }
    }

    @Test func channelsWithoutSecretsAreOff() async throws {
        let server = try TestServer()
        try await server.test { client in
            for channel in ["telegram", "twilio", "mattermost"] {
                let response = try await client.execute(uri: "/webhooks/\(channel)", method: .post)
                #expect(response.status == .notFound)
            }
        }
    }

    @Test func theGenericChannelNeedsATokenOffLoopback() async throws {
        let server = try TestServer { $0.host = "0.0.0.0" }
        try await server.test { client in
            let response = try await client.sendGeneric("hello")
            #expect(response.status == .notFound)
        }
    }
}

@Suite("Health, readiness and metrics")
struct OperationsTests {
    @Test func healthAndReadinessAnswer() async throws {
        let server = try TestServer()
        try await server.test { client in
            let health = try await client.execute(uri: "/healthz", method: .get)
            #expect(health.text == "ok\n")
            let ready = try await client.execute(uri: "/readyz", method: .get)
            #expect(ready.status == .ok)
        }
    }

    @Test func metricsCountTurnsLatencyAndErrorsByChannel() async throws {
        let server = try TestServer()
        try await server.test { client in
            try await client.sendGeneric("hello")
            try await client.execute(uri: "/webhooks/generic", method: .post, headers: [.contentType: "text/plain"])
            let metrics = try await client.execute(uri: "/metrics", method: .get)
            #expect(metrics.text.contains(#"flowlinks_turns_total{channel="generic"} 1"#))
            #expect(metrics.text.contains(#"flowlinks_turn_duration_seconds_count{channel="generic"} 1"#))
            #expect(metrics.text.contains(#"flowlinks_webhook_errors_total{channel="generic",status="415"} 1"#))
        }
    }

    @Test func metricsCountWhatBecameOfEachReplyByQuestionAndChannel() async throws {
        let server = try TestServer()
        try await server.test { client in
            for text in ["hello", "Riverside", "Parent Cafe", "Drop-in", "banana", "pineapple", "probably", "yes"] {
                try await client.sendGeneric(text)
            }
            let metrics = try await client.execute(uri: "/metrics", method: .get).text
            let series = { (outcome: String) in
                #"flowlinks_replies_read_total{channel="generic",question="benefit",outcome="\#(outcome)"}"#
            }
            #expect(metrics.contains(series("reasked") + " 1"))
            #expect(metrics.contains(series("reasked_twice") + " 1"))
            #expect(metrics.contains(series("confirming") + " 1"))
            #expect(metrics.contains(series("confirmed") + " 1"))
            #expect(metrics.contains(series("abandoned") + " 0"), "every series exists from start-up")
            #expect(
                metrics.contains(#"flowlinks_replies_read_total{channel="generic",question="desired_level",outcome="taken"} 0"#))
        }
    }
}

import FlowLinksServer
import FlowLinksTesting
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

/// The server's real responses match `docs/openapi.yaml`.
@Suite("docs/openapi.yaml describes what the server sends")
struct OpenAPIContractTests {
    static let specification = DefaultPrompts.directory.deletingLastPathComponent()
        .appendingPathComponent("docs/openapi.yaml")

    func expectConforms(_ response: TestResponse, status: Int, path: String = "/webhooks/generic") throws {
        let validator = try SchemaValidator(openAPIFile: Self.specification)
        #expect(Int(response.status.code) == status)
        let schema = try #require(validator.responseSchema(path: path, method: "post", status: status), "no schema for \(status)")
        let body = try JSONSerialization.jsonObject(with: Data(buffer: response.body))
        let problems = validator.problems(body, against: schema)
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test func everyReplyOfASessionMatchesTheSchema() async throws {
        let server = try TestServer()
        try await server.test { client in
            for text in ["hello"] + SampleAnswers.complete + ["status", "back", "delete my data", "yes"] {
                try expectConforms(try await client.sendGeneric(text), status: 200)
            }
        }
    }

    @Test func aReadingCheckedWithThePersonMatchesTheSchema() async throws {
        let server = try TestServer()
        try await server.test { client in
            let replies = ["hello"] + SampleAnswers.throughDesiredLevel.dropLast() + ["a partnership with the families", "yes"]
            for text in replies {
                try expectConforms(try await client.sendGeneric(text), status: 200)
            }
        }
    }

    @Test func theCheckNoticesAReplyThatBreaksTheSchema() throws {
        let validator = try SchemaValidator(openAPIFile: Self.specification)
        let schema = try #require(validator.responseSchema(path: "/webhooks/generic", method: "post", status: 200))
        let broken: [String: Any] = [
            "session_id": "one", "messages": [["text": "hi", "choices": [["number": -1, "value": "yes"]]]], "extra": true,
        ]
        let problems = validator.problems(broken, against: schema)
        #expect(problems.contains("$: missing replay"))
        #expect(problems.contains("$: unexpected property extra"))
        #expect(problems.contains { $0.hasPrefix("$.session_id: expected integer or null") })
        #expect(problems.contains("$.messages[0].choices[0]: missing label"))
        #expect(problems.contains { $0.hasPrefix("$.messages[0].choices[0].number: below") })
    }

    @Test func theWebChatsRepliesToItsScriptMatchTheSchema() async throws {
        let server = try TestServer()
        try await server.test { client in
            var person = ChatVisitor()
            try await person.open(client)
            for text in ["hello"] + SampleAnswers.complete.prefix(4) {
                let response = try await client.execute(
                    uri: "/chat", method: .post,
                    headers: [
                        .cookie: person.browser.cookieHeader, .contentType: "application/x-www-form-urlencoded",
                        .accept: "application/json",
                    ],
                    body: ByteBuffer(
                        string: PlatformRequests.formEncoded([
                            ("csrf", person.field("csrf")), ("message_id", UUID().uuidString), ("text", text),
                        ])))
                try expectConforms(response, status: 200, path: "/chat")
            }
            let refused = try await client.execute(
                uri: "/chat", method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded", .accept: "application/json"],
                body: ByteBuffer(string: "csrf=x&message_id=abcdefgh&text=hi"))
            try expectConforms(refused, status: 400, path: "/chat")
        }
    }

    @Test func aReplayMatchesTheSchema() async throws {
        let server = try TestServer()
        try await server.test { client in
            try await client.sendGeneric("hello", messageID: "same")
            try expectConforms(try await client.sendGeneric("hello", messageID: "same"), status: 200)
        }
    }

    @Test func errorsMatchTheSchema() async throws {
        let server = try TestServer {
            $0.generic = GenericSettings(token: "token")
            $0.rateLimitBurst = 1
            $0.rateLimitPerMinute = 1
        }
        try await server.test { client in
            try expectConforms(try await client.sendGeneric("hello"), status: 401)
            let malformed = try await client.execute(
                uri: "/webhooks/generic", method: .post,
                headers: [.contentType: "application/json", .authorization: "Bearer token"], body: ByteBuffer(string: "{"))
            try expectConforms(malformed, status: 400)
            let wrongType = try await client.execute(
                uri: "/webhooks/generic", method: .post,
                headers: [.contentType: "text/plain", .authorization: "Bearer token"], body: ByteBuffer(string: "hi"))
            try expectConforms(wrongType, status: 415)
            let oversized = try await client.execute(
                uri: "/webhooks/generic", method: .post,
                headers: [.contentType: "application/json", .authorization: "Bearer token"],
                body: ByteBuffer(repeating: 0x20, count: 100_000))
            try expectConforms(oversized, status: 413)
            try await client.sendGeneric("hello", token: "token")
            try expectConforms(try await client.sendGeneric("again", token: "token"), status: 429)
        }
    }
}

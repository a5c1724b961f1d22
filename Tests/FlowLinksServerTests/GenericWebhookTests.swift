import FlowLinksServer
import FlowLinksStore
import FlowLinksTesting
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

@Suite("The generic JSON channel")
struct GenericWebhookTests {
    @Test func aWholeSessionRunsToTheResult() async throws {
        let server = try TestServer()
        try await server.test { client in
            let first = try await client.sendGeneric("hello")
            #expect(first.status == .ok)
            #expect(first.messageTexts.first?.contains("FlowLinks") == true)
            var last = first
            for answer in SampleAnswers.complete { last = try await client.sendGeneric(answer) }
            #expect(last.messageTexts.joined().contains("Recommended level: Involving"))
            #expect(last.json["session_id"] as? Int == 1)
        }
    }

    @Test func choicesComeWithTheQuestion() async throws {
        let server = try TestServer()
        try await server.test { client in
            for answer in ["hello"] + SampleAnswers.throughDesiredLevel.prefix(3) { try await client.sendGeneric(answer) }
            let reply = try await client.sendGeneric("yes")
            let message = try #require((reply.json["messages"] as? [[String: Any]])?.last)
            let choices = try #require(message["choices"] as? [[String: Any]])
            #expect(choices.map { $0["value"] as? String } == ["yes", "some", "no", "not_sure"])
            #expect(choices.first?["number"] as? Int == 1)
        }
    }

    @Test func aConfiguredTokenIsRequired() async throws {
        let server = try TestServer { $0.generic = GenericSettings(token: "s3cret-token") }
        try await server.test { client in
            #expect(try await client.sendGeneric("hello").status == .unauthorized)
            #expect(try await client.sendGeneric("hello", token: "wrong-token").status == .unauthorized)
            let refused = try await client.sendGeneric("hello", token: "s3cret-tokeN")
            #expect(refused.status == .unauthorized)
            #expect(!refused.text.contains("s3cret"))
            #expect(try await client.sendGeneric("hello", token: "s3cret-token").status == .ok)
        }
        #expect(try server.database.rowCounts()["sessions"] == 1)
    }

    @Test func twoConversationsNumberingTheirMessagesAlikeEachGetTheirOwnReply() async throws {
        let server = try TestServer()
        try await server.test { client in
            let teamA = try await client.sendGeneric("hello", conversation: "team-a", messageID: "1")
            try await client.sendGeneric("Riverside Family Services", conversation: "team-a", messageID: "2")
            let first = try await client.sendGeneric("hello", conversation: "team-b", messageID: "1")
            #expect(first.json["replay"] as? Bool == false)
            #expect(first.json["session_id"] as? Int != teamA.json["session_id"] as? Int)
            let second = try await client.sendGeneric("Northside Youth Center", conversation: "team-b", messageID: "2")
            #expect(second.json["replay"] as? Bool == false)
            #expect(!second.text.contains("Riverside"))
        }
        let teamB = try server.database.currentSession(ConversationKey(channel: "generic", conversation: "team-b"))
        let id = try #require(teamB?.id)
        let state = try #require(try server.database.state(ofSession: id))
        #expect(state.answers["organization"]?.text == "Northside Youth Center")
        #expect(try server.database.rowCounts()["sessions"] == 2)
    }

    @Test func aRetriedMessageGetsTheSameReplyAndChangesNothing() async throws {
        let server = try TestServer()
        try await server.test { client in
            try await client.sendGeneric("hello")
            let first = try await client.sendGeneric("Riverside", messageID: "m-2")
            let before = try server.database.rowCounts()
            server.clock.advance(5)
            let retry = try await client.sendGeneric("Riverside", messageID: "m-2")
            #expect(retry.status == .ok)
            #expect(retry.messageTexts == first.messageTexts)
            #expect(retry.json["replay"] as? Bool == true)
            #expect(try server.database.rowCounts() == before)
        }
    }

    @Test func twoConcurrentMessagesOfOneConversationBothLandInOrder() async throws {
        let server = try TestServer()
        try await server.test { client in
            try await client.sendGeneric("hello")
            async let first = client.sendGeneric("Riverside", messageID: "a")
            async let second = client.sendGeneric("Parent Cafe", messageID: "b")
            let statuses = try await [first.status, second.status]
            #expect(statuses == [.ok, .ok])
        }
        let session = try #require(try server.database.currentSession(.init(channel: "generic", conversation: "team-a")))
        let sessionID = try #require(session.id)
        let lines = try server.database.transcript(ofSession: sessionID).filter { $0.direction == .inbound }
        let landed = lines.map(\.text).dropFirst()
        #expect(Set(landed) == ["Riverside", "Parent Cafe"])
        let state = try #require(try server.database.state(ofSession: sessionID))
        #expect(state.answers["organization"]?.text == landed.first)
        #expect(state.answers["initiative"]?.text == landed.last)
    }

    @Test func differentConversationsKeepSeparateSessions() async throws {
        let server = try TestServer()
        try await server.test { client in
            try await client.sendGeneric("hello", conversation: "a")
            try await client.sendGeneric("hello", conversation: "b")
            try await client.sendGeneric("Org A", conversation: "a")
            let reply = try await client.sendGeneric("status", conversation: "b")
            #expect(reply.messageTexts.first?.contains("question 1 of 13") == true)
        }
    }

    @Test func tooManyMessagesGetAFriendlySlowDown() async throws {
        let server = try TestServer {
            $0.rateLimitBurst = 2
            $0.rateLimitPerMinute = 1
        }
        try await server.test { client in
            try await client.sendGeneric("hello")
            try await client.sendGeneric("Riverside")
            let before = try server.database.rowCounts()
            let limited = try await client.sendGeneric("Parent Cafe")
            #expect(limited.status == .tooManyRequests)
            #expect(limited.messageTexts.first?.contains("faster than I can keep up") == true)
            #expect(try server.database.rowCounts() == before)
            server.clock.advance(60)
            #expect(try await client.sendGeneric("Parent Cafe").status == .ok)
        }
    }
}

import FlowLinksServer
import FlowLinksStore
import FlowLinksTesting
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

/// A person in the web chat: their browser's cookies, and the page they last saw.
struct ChatVisitor {
    var browser = Browser()
    var page = ""

    /// The value of the first hidden field `name` on the page.
    func field(_ name: String) -> String {
        guard let range = page.range(of: "name=\"\(name)\" value=\"") else { return "" }
        return String(page[range.upperBound...].prefix { $0 != "\"" })
    }

    /// The choice buttons' values (tokens) and labels, in order.
    var choices: [(value: String, label: String)] {
        page.components(separatedBy: "name=\"choice\" value=\"").dropFirst().map { part in
            let value = String(part.prefix { $0 != "\"" })
            let label = part.components(separatedBy: "name=\"label\" value=\"").dropFirst().first.map {
                String($0.prefix { $0 != "\"" })
            }
            return (value, label ?? "")
        }
    }

    mutating func open(_ client: some TestClientProtocol) async throws {
        page = try await browser.get("/chat", client).text
    }

    /// Sends the form as a browser without JavaScript: post, then follow the redirect.
    @discardableResult
    mutating func send(_ fields: [(name: String, value: String)], _ client: some TestClientProtocol) async throws -> TestResponse
    {
        let common = [("csrf", field("csrf")), ("message_id", field("message_id")), ("page", "/chat")]
        let response = try await browser.post("/chat", common + fields, client)
        if response.status == .seeOther { try await open(client) }
        return response
    }

    mutating func say(_ text: String, _ client: some TestClientProtocol) async throws {
        try await send([("text", text)], client)
    }

    mutating func press(_ number: Int, _ client: some TestClientProtocol) async throws {
        let choices = self.choices
        let choice = try #require(choices.indices.contains(number - 1) ? choices[number - 1] : nil, "no choice \(number)")
        try await send([("choice", choice.value), ("label", choice.label)], client)
    }
}

@Suite("The web chat")
struct WebChatTests {
    @Test func aFirstVisitGetsItsCookiesAndAStartButton() async throws {
        let server = try TestServer()
        try await server.test { client in
            let response = try await client.execute(uri: "/chat", method: .get)
            #expect(response.status == .ok)
            let cookies = response.headers[values: .setCookie]
            #expect(cookies.count == 2)
            #expect(cookies.allSatisfy { $0.contains("HttpOnly") && $0.contains("SameSite=Lax") && $0.contains("Secure") })
            #expect(response.text.contains("class=\"start\""))
            let policy = try #require(response.headers[.contentSecurityPolicy])
            #expect(policy.contains("script-src 'self'") && !policy.contains("unsafe-inline"))
            #expect(!response.text.contains("<script>"), "no inline script")
        }
    }

    @Test func aWholeSessionWithoutJavaScriptEndsWithTheResultAndResumesLater() async throws {
        let server = try TestServer()
        try await server.test { client in
            var person = ChatVisitor()
            try await person.open(client)
            try await person.send([("text", "hello")], client)
            #expect(person.page.contains("name of your organization"))
            for answer in SampleAnswers.complete.prefix(3) { try await person.say(answer, client) }
            #expect(person.choices.map(\.label).first == "Yes")
            try await person.press(1, client)
            for answer in SampleAnswers.complete.dropFirst(4) { try await person.say(answer, client) }
            #expect(person.page.contains("Recommended level: Involving"))

            var returning = ChatVisitor(browser: person.browser)
            try await returning.open(client)
            #expect(returning.page.contains("Recommended level: Involving"), "the same browser finds its conversation")
            var stranger = ChatVisitor()
            try await stranger.open(client)
            #expect(!stranger.page.contains("Recommended level"), "another browser has its own")
        }
        let sessions = try server.database.rowCounts()["sessions"]
        #expect(sessions == 1)
    }

    @Test func aFormSentTwiceStoresOneAnswer() async throws {
        let server = try TestServer()
        try await server.test { client in
            var person = ChatVisitor()
            try await person.open(client)
            try await person.say("hello", client)
            let fields = [
                ("csrf", person.field("csrf")), ("message_id", person.field("message_id")), ("page", "/chat"),
                ("text", "Riverside Family Services"),
            ]
            let first = try await person.browser.post("/chat", fields, client)
            let second = try await person.browser.post("/chat", fields, client)
            #expect(first.status == .seeOther && second.status == .seeOther, "\(first.text)")
            try await person.open(client)
            #expect(person.page.components(separatedBy: "Riverside Family Services").count - 1 == 1)
        }
    }

    @Test func theScriptGetsTheNewMessagesAsJSON() async throws {
        let server = try TestServer()
        try await server.test { client in
            var person = ChatVisitor()
            try await person.open(client)
            let response = try await client.execute(
                uri: "/chat", method: .post,
                headers: [
                    .cookie: person.browser.cookieHeader, .contentType: "application/x-www-form-urlencoded",
                    .accept: "application/json",
                ],
                body: ByteBuffer(
                    string: PlatformRequests.formEncoded([
                        ("csrf", person.field("csrf")), ("message_id", person.field("message_id")), ("text", "hello"),
                    ])))
            #expect(response.status == .ok)
            let messages = try #require(response.json["messages"] as? [[String: Any]])
            #expect((messages.last?["text"] as? String)?.contains("organization") == true)
            #expect(response.json["session_id"] as? Int == 1)
        }
    }

    @Test(arguments: [
        ("missing cookies", false, "csrf-ok", "keeps your place with a cookie"),
        ("a forged form token", true, "forged", "This page has expired"),
        ("an empty form token", true, "", "This page has expired"),
    ])
    func refusedFormsChangeNothingAndSayWhy(name: String, withCookies: Bool, token: String, words: String) async throws {
        let server = try TestServer()
        try await server.test { client in
            var person = ChatVisitor()
            try await person.open(client)
            let real = person.field("csrf")
            let fields = [
                ("csrf", token == "csrf-ok" ? real : token), ("message_id", person.field("message_id")), ("text", "hello"),
            ]
            let response = try await client.execute(
                uri: "/chat", method: .post,
                headers: [
                    .cookie: withCookies ? person.browser.cookieHeader : "", .contentType: "application/x-www-form-urlencoded",
                ],
                body: ByteBuffer(string: PlatformRequests.formEncoded(fields)))
            #expect(response.status == .badRequest, "\(name)")
            #expect(response.text.lowercased().contains(words.lowercased()), "\(name): \(response.text)")
            #expect(response.text.contains("href=\"/chat\""), "a way back")
        }
        #expect(try server.database.rowCounts()["sessions"] == 0)
    }

    @Test func whatPeopleTypeIsShownAsText() async throws {
        let server = try TestServer()
        try await server.test { client in
            var person = ChatVisitor()
            try await person.open(client)
            try await person.say("hello", client)
            try await person.say("<script>alert(1)</script> & \"Friends\"", client)
            #expect(!person.page.contains("<script>alert"))
            #expect(person.page.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Friends&quot;"))
        }
    }

    @Test func aPlainFormPostReturnsOnlyToAChatPage() async throws {
        let server = try TestServer()
        try await server.test { client in
            var person = ChatVisitor()
            try await person.open(client)
            let response = try await person.send([("text", "hello"), ("page", "//evil.example/chat")], client)
            #expect(response.headers[.location] == "/chat#latest")
        }
    }

    @Test func theHomePageOffersTheChatAndSignIn() async throws {
        let server = try TestServer()
        try await server.test { client in
            let home = try await client.execute(uri: "/", method: .get)
            #expect(home.status == .ok)
            #expect(home.headers[.contentType]?.hasPrefix("text/html") == true)
            #expect(home.text.contains("href=\"/chat\"") && home.text.contains("href=\"/facilitator/login\""))
        }
        let off = try TestServer { $0.webchat = false }
        try await off.test { client async throws in
            #expect(try await client.execute(uri: "/chat", method: .get).status == .notFound)
            #expect(!(try await client.execute(uri: "/", method: .get).text.contains("href=\"/chat\"")))
        }
    }
}

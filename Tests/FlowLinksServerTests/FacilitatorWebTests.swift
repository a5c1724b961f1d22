import FlowLinksServer
import FlowLinksStore
import FlowLinksTesting
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

/// A browser's view of the facilitator pages: cookies it holds and the form token it last saw.
struct Browser {
    var cookies: [String: String] = [:]
    /// Sent as `X-Forwarded-For`, as a reverse proxy would, when set.
    var forwardedFor: String?
    /// Sent as `Accept-Language`, as a browser set to those languages would, when set.
    var acceptLanguage: String?

    mutating func keep(_ response: TestResponse) {
        for header in response.headers[values: .setCookie] {
            let pair = header.split(separator: ";")[0].split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2 else { continue }
            cookies[pair[0]] = pair[1].isEmpty ? nil : pair[1]
        }
    }

    var cookieHeader: String { cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }

    private func headers(_ extra: HTTPFields = [:]) -> HTTPFields {
        var headers = extra
        headers[.cookie] = cookieHeader
        if let forwardedFor { headers[HTTPField.Name("X-Forwarded-For")!] = forwardedFor }
        if let acceptLanguage { headers[.acceptLanguage] = acceptLanguage }
        return headers
    }

    static func formToken(in response: TestResponse) -> String? {
        let html = response.text
        guard let range = html.range(of: #"name="csrf" value=""#) else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }

    mutating func get(_ uri: String, _ client: some TestClientProtocol) async throws -> TestResponse {
        let response = try await client.execute(uri: uri, method: .get, headers: headers())
        keep(response)
        return response
    }

    mutating func post(
        _ uri: String, _ fields: [(name: String, value: String)], _ client: some TestClientProtocol
    ) async throws -> TestResponse {
        let response = try await client.execute(
            uri: uri, method: .post,
            headers: headers([.contentType: "application/x-www-form-urlencoded"]),
            body: ByteBuffer(string: PlatformRequests.formEncoded(fields)))
        keep(response)
        return response
    }

    /// Signs in through the form, as a person would.
    mutating func signIn(
        _ client: some TestClientProtocol, as username: String = "maria", password: String = "correct horse battery"
    ) async throws -> TestResponse {
        let form = try await get("/facilitator/login", client)
        let token = Self.formToken(in: form) ?? ""
        return try await post("/facilitator/login", [("csrf", token), ("username", username), ("password", password)], client)
    }
}

@Suite("The facilitator pages")
struct FacilitatorWebTests {
    static func server() async throws -> TestServer {
        var server = try TestServer()
        server.passwordCost = 4
        try await FacilitatorAccounts(store: server.database.facilitators, cost: 4).add(
            username: "maria", password: "correct horse battery")
        try await server.test { client in
            for text in ["hello", "Riverside <script>alert(1)</script>", "Parent Cafe", "skip", "yes \"onmouseover=alert(1)"]
                + Array(SampleAnswers.complete.dropFirst(4))
            {
                try await client.sendGeneric(text, conversation: "team-a")
            }
            try await client.sendGeneric("hello", conversation: "team-b")
            try await client.sendGeneric("Library Friends", conversation: "team-b")
        }
        return server
    }

    @Test(arguments: [
        "/facilitator", "/facilitator/sessions", "/facilitator/sessions/1", "/facilitator/sessions/1/export.md",
        "/facilitator/sessions/1/export.json", "/facilitator/export.csv", "/facilitator/sessions/1/summary",
        "/facilitator/overview",
    ])
    func everyPageNeedsASignedInFacilitator(_ uri: String) async throws {
        let server = try await Self.server()
        try await server.test { client in
            let response = try await client.execute(uri: uri, method: .get)
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/facilitator/login")
            for form in ["/facilitator/logout", "/facilitator/sessions/1/notes", "/facilitator/sessions/1/notes/1"] {
                let post = try await client.execute(uri: form, method: .post)
                #expect(post.status == .unauthorized, "\(form)")
            }
        }
    }

    @Test func aWrongPasswordIsRefusedAndTheRightOneSignsIn() async throws {
        let server = try await Self.server()
        try await server.test { client in
            var browser = Browser()
            let wrong = try await browser.signIn(client, password: "not the password")
            #expect(wrong.status == .unauthorized)
            #expect(wrong.text.contains("Wrong username or password."))
            #expect(browser.cookies["flowlinks_session"] == nil)
            let right = try await browser.signIn(client)
            #expect(right.status == .seeOther)
            let cookie = try #require(right.headers[values: .setCookie].first { $0.hasPrefix("flowlinks_session=") })
            for attribute in ["HttpOnly", "SameSite=Strict", "Secure", "Path=/facilitator"] {
                #expect(cookie.contains(attribute))
            }
            let list = try await browser.get("/facilitator/sessions", client)
            #expect(list.status == .ok)
            #expect(list.text.contains("Showing 1–2 of 2 sessions"))
        }
    }

    @Test func aSignInWithoutItsFormTokenIsRefused() async throws {
        let server = try await Self.server()
        try await server.test { client in
            var browser = Browser()
            _ = try await browser.get("/facilitator/login", client)
            let response = try await browser.post(
                "/facilitator/login", [("username", "maria"), ("password", "correct horse battery")], client)
            #expect(response.status == .forbidden)
            #expect(browser.cookies["flowlinks_session"] == nil)
        }
    }

    @Test func guessingPasswordsIsSlowedDown() async throws {
        let server = try await Self.server()
        try await server.test { client in
            var browser = Browser()
            for _ in 1...5 { _ = try await browser.signIn(client, password: "guess") }
            let sixth = try await browser.signIn(client)
            #expect(sixth.status == .tooManyRequests)
        }
    }

    @Test func userTextIsShownAsTextNeverAsMarkup() async throws {
        let server = try await Self.server()
        try await server.test { client in
            var browser = Browser()
            _ = try await browser.signIn(client)
            for uri in ["/facilitator/sessions", "/facilitator/sessions/1"] {
                let page = try await browser.get(uri, client)
                #expect(!page.text.contains("<script>"), "\(uri)")
                #expect(!page.text.contains("\"onmouseover="), "\(uri)")
                #expect(page.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "\(uri)")
                #expect(page.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
            }
        }
    }

    @Test func theSessionPageShowsTheChartTheAnswersAndTheTranscript() async throws {
        let server = try await Self.server()
        try await server.test { client in
            var browser = Browser()
            _ = try await browser.signIn(client)
            let page = try await browser.get("/facilitator/sessions/1", client).text
            #expect(page.contains("<table class=\"chart\">"))
            for mark in ["Today", "Next step", "Recommended"] {
                #expect(page.contains("<strong class=\"mark\">\(mark)</strong>"))
            }
            #expect(page.contains("Recommended level: Involving"))
            #expect(page.contains("Which program, project or initiative are we reflecting on today?"))
            #expect(page.contains("<li class=\"in\">"))
            let missing = try await browser.get("/facilitator/sessions/99", client)
            #expect(missing.status == .notFound)
        }
    }

    @Test func filtersSearchAndExportsWork() async throws {
        let server = try await Self.server()
        try await server.test { client in
            var browser = Browser()
            _ = try await browser.signIn(client)
            let found = try await browser.get("/facilitator/sessions?search=library+friends&status=active", client)
            #expect(found.text.contains("Showing 1–1 of 1 session"))
            #expect(found.text.contains("Library Friends"))
            let none = try await browser.get("/facilitator/sessions?level=2", client)
            #expect(none.text.contains("No sessions match."))
            let bad = try await browser.get("/facilitator/sessions?from=yesterday", client)
            #expect(bad.status == .badRequest)
            let csv = try await browser.get("/facilitator/export.csv", client)
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(csv.text.hasPrefix("session_id,"))
            let markdown = try await browser.get("/facilitator/sessions/1/export.md", client)
            #expect(markdown.headers[.contentDisposition]?.contains("session-1.md") == true)
        }
    }

    @Test func signingOutNeedsTheFormTokenAndEndsTheSession() async throws {
        let server = try await Self.server()
        try await server.test { client in
            var browser = Browser()
            _ = try await browser.signIn(client)
            let list = try await browser.get("/facilitator/sessions", client)
            let forged = try await browser.post("/facilitator/logout", [("csrf", "forged")], client)
            #expect(forged.status == .forbidden)
            let token = try #require(Browser.formToken(in: list))
            let out = try await browser.post("/facilitator/logout", [("csrf", token)], client)
            #expect(out.status == .seeOther)
            let after = try await browser.get("/facilitator/sessions", client)
            #expect(after.status == .seeOther)
        }
    }
}

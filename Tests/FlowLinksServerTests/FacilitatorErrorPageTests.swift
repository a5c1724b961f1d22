import FlowLinksServer
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

@Suite("Facilitator error pages")
struct FacilitatorErrorPageTests {
    /// The parts of the usual frame: stylesheet, skip link, banner.
    static func expectFrame(_ response: TestResponse, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for part in ["href=\"/facilitator/style.css\"", "<a class=\"skip\" href=\"#main\">", "<header class=\"site\">", "<h1>"] {
            #expect(response.text.contains(part), "\(what) lacks \(part)", sourceLocation: sourceLocation)
        }
        #expect(response.headers[.contentType] == "text/html; charset=utf-8", sourceLocation: sourceLocation)
    }

    @Test(arguments: [
        ("/facilitator/sessions?from=2026-13-45", 400, "Something needs fixing", "/facilitator/sessions"),
        ("/facilitator/sessions?to=2026-02-30", 400, "Something needs fixing", "/facilitator/sessions"),
        ("/facilitator/sessions/999", 404, "No such session.", "/facilitator/sessions"),
        ("/facilitator/sessions/abc/summary", 404, "No such session.", "/facilitator/sessions"),
        ("/facilitator/workshops/KMPRTV", 404, "No such workshop.", "/facilitator/workshops"),
        ("/facilitator/workshops/nonsense/live", 404, "No such workshop.", "/facilitator/workshops"),
        ("/facilitator/nowhere", 404, "There is no page at this address.", "/facilitator/sessions"),
        ("/facilitator/sessions/1/nowhere", 404, "There is no page at this address.", "/facilitator/sessions"),
        ("/facilitator/overview/x", 404, "There is no page at this address.", "/facilitator/overview"),
    ])
    func aFailedPageIsShownInTheFrameWithAWayBack(
        _ uri: String, _ status: Int, _ text: String, _ back: String
    )
        async throws
    {
        let server = try await FacilitatorWebTests.server()
        try await server.test { client in
            var browser = Browser()
            _ = try await browser.signIn(client)
            let response = try await browser.get(uri, client)
            #expect(response.status.code == status, "\(uri)")
            Self.expectFrame(response, uri)
            #expect(response.text.contains("<nav aria-label=\"Main\">"), "\(uri) lacks the navigation")
            #expect(response.text.contains(text), "\(uri): \(response.text)")
            #expect(response.text.contains("<p class=\"back\"><a href=\"\(back)\">"), "\(uri): \(response.text)")
            #expect(response.headers[.contentSecurityPolicy] != nil, "\(uri) lacks the security headers")
        }
    }

    @Test func aNoteOfOnlySpacesIsRefusedWithAWayBackToTheSession() async throws {
        let server = try await FacilitatorWebTests.server()
        try await server.test { client in
            var browser = Browser()
            _ = try await browser.signIn(client)
            let session = try await browser.get("/facilitator/sessions/1", client)
            #expect(session.text.contains("name=\"text\" rows=\"3\" required maxlength=\"5000\""))
            let token = try #require(Browser.formToken(in: session))
            let spaces = try await browser.post("/facilitator/sessions/1/notes", [("csrf", token), ("text", " \r\n\t ")], client)
            #expect(spaces.status == .badRequest)
            Self.expectFrame(spaces, "an empty note")
            #expect(spaces.text.contains("A note needs some text."))
            #expect(spaces.text.contains("<a href=\"/facilitator/sessions/1\">Back to the session</a>"))
        }
        #expect(try await server.database.facilitators.notes(ofSession: 1).isEmpty)
    }

    @Test func anExpiredFormSaysSoAndLeadsBackToItsPage() async throws {
        let server = try await FacilitatorWebTests.server()
        try await server.test { client in
            var browser = Browser()
            _ = try await browser.signIn(client)
            let expired = try await browser.post("/facilitator/sessions/1/notes", [("csrf", "old"), ("text", "hi")], client)
            #expect(expired.status == .forbidden)
            Self.expectFrame(expired, "an expired form")
            #expect(expired.text.contains("<h1>This form has expired</h1>"))
            #expect(expired.text.contains("<a href=\"/facilitator/sessions/1\">Back to the session</a>"))
            let close = try await browser.post("/facilitator/workshops/KMPRTV/close", [("csrf", "old")], client)
            #expect(close.text.contains("<a href=\"/facilitator/workshops/KMPRTV\">Back to the workshop</a>"))
        }
    }

    @Test func aSignedOutPersonGetsTheFrameWithoutNavigationAndALinkToSignIn() async throws {
        let server = try await FacilitatorWebTests.server()
        try await server.test { client in
            let response = try await client.execute(uri: "/facilitator/sessions/1/notes", method: .post)
            #expect(response.status == .unauthorized)
            Self.expectFrame(response, "a signed-out form")
            #expect(!response.text.contains("<nav"))
            #expect(!response.text.contains("csrf"))
            #expect(response.text.contains("<a href=\"/facilitator/login\">Sign in</a>"))
            let unknown = try await client.execute(uri: "/facilitator/nowhere", method: .get)
            #expect(unknown.status == .seeOther)
            #expect(unknown.headers[.location] == "/facilitator/login")
        }
    }

    @Test func whatTheAddressSaysIsEscapedOnTheErrorPage() async throws {
        let server = try await FacilitatorWebTests.server()
        try await server.test { client in
            var browser = Browser()
            _ = try await browser.signIn(client)
            let response = try await browser.get("/facilitator/sessions?from=%3Cb%3Ex%27%22", client)
            #expect(response.status == .badRequest)
            #expect(response.text.contains("&lt;b&gt;x&#39;&quot;"))
            #expect(!response.text.contains("<b>"))
        }
    }

    @Test func anAddressOutsideTheFacilitatorPagesStillGetsTheJSONNotFound() async throws {
        let server = try await FacilitatorWebTests.server()
        try await server.test { client in
            let response = try await client.execute(uri: "/facilitatorx", method: .get)
            #expect(response.status == .notFound)
            #expect(response.headers[.contentType] == "application/json; charset=utf-8")
        }
    }
}

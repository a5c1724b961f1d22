import FlowLinksServer
import Foundation
import HummingbirdTesting
import Testing

@Suite("The sessions list past its last page")
struct SessionsListPagingTests {
    @Test func aPagePastTheLastSaysThereIsNoSuchPageAndLinksToTheLast() async throws {
        let server = try await FacilitatorWebTests.server()
        try await server.test { client in
            var browser = Browser()
            _ = try await browser.signIn(client)
            let past = try await browser.get("/facilitator/sessions?page=99&status=completed", client)
            #expect(past.status == .notFound)
            FacilitatorErrorPageTests.expectFrame(past, "page 99")
            #expect(past.text.contains("There is no page 99. These sessions fit on one page."))
            #expect(past.text.contains("<a href=\"?status=completed&amp;page=1\">Go to the first page</a>"))
            #expect(!past.text.contains("<table"))
            #expect(!past.text.contains("rel=\"prev\""))
            let nothing = try await browser.get("/facilitator/sessions?search=nobody-wrote-this&page=2", client)
            #expect(nothing.status == .notFound)
            #expect(nothing.text.contains("There is no page 2. No sessions match these filters, so there is only one page."))
            let first = try await browser.get("/facilitator/sessions?search=nobody-wrote-this", client)
            #expect(first.status == .ok)
            #expect(first.text.contains("No sessions match."))
        }
    }

    @Test func aPagePastTheLastOfManyLinksToTheLastPage() async throws {
        let server = try await FacilitatorWebTests.server()
        try await server.test { client in
            for team in 0..<30 { try await client.sendGeneric("hello", conversation: "many-\(team)") }
            var browser = Browser()
            _ = try await browser.signIn(client)
            let last = try await browser.get("/facilitator/sessions?page=2", client)
            #expect(last.status == .ok)
            let past = try await browser.get("/facilitator/sessions?page=3", client)
            #expect(past.status == .notFound)
            #expect(past.text.contains("There is no page 3. These sessions fill 2 pages."))
            #expect(past.text.contains("<a href=\"?page=2\">Go to the last page (2)</a>"))
        }
    }
}

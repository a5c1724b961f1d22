import FlowLinksServer
import FlowLinksStore
import Foundation
import HummingbirdTesting
import Testing

@Suite("Bad input to the signed-in facilitator pages")
struct FacilitatorBadInputTests {
    @Test(arguments: [
        ("/facilitator/sessions?page=9223372036854775807", 404),
        ("/facilitator/sessions?page=99999999999999999999999999", 404),
        ("/facilitator/sessions?page=1000000&search=x", 404),
        ("/facilitator/sessions?page=0", 400),
        ("/facilitator/sessions?page=-1", 400),
        ("/facilitator/sessions?page=-9223372036854775808", 400),
        ("/facilitator/sessions?page=two", 400),
        ("/facilitator/sessions?page=1e3", 400),
        ("/facilitator/sessions?from=99999-01-01", 400),
        ("/facilitator/sessions?from=0000-01-01", 400),
        ("/facilitator/sessions?from=2026-02-30", 400),
        ("/facilitator/sessions?to=9999-12-31", 200),
        ("/facilitator/sessions?from=9999-12-31", 200),
        ("/facilitator/sessions?from=0001-01-01&to=0001-01-01", 200),
        ("/facilitator/sessions?from=2026-03-02&to=2026-03-01", 400),
        ("/facilitator/export.csv?from=9999-12-31", 200),
        ("/facilitator/sessions?from=-2026-01-01", 400),
        ("/facilitator/sessions?from=2026-1-1", 400),
        ("/facilitator/sessions?level=9223372036854775807", 400),
        ("/facilitator/sessions?search=%00&organization=%00%00", 200),
        ("/facilitator/sessions?search=%FF", 400),
        ("/facilitator/export.csv?page=9223372036854775807", 200),
        ("/facilitator/export.csv?from=2026-13-01", 400),
        ("/facilitator/sessions/9223372036854775807", 404),
        ("/facilitator/sessions/99999999999999999999", 404),
        ("/facilitator/sessions/-1/summary", 404),
        ("/facilitator/sessions/1.5/export.md", 404),
        ("/facilitator/sessions/%00/export.json", 404),
    ])
    func numbersAndDatesFromTheAddressAreCheckedNeverTrusted(_ uri: String, _ status: Int) async throws {
        let server = try await FacilitatorWebTests.server()
        try await server.test { client in
            var browser = Browser()
            _ = try await browser.signIn(client)
            let response = try await browser.get(uri, client)
            #expect(response.status.code == status, "\(uri): \(response.text.prefix(200))")
            #expect(try await client.execute(uri: "/healthz", method: .get).status == .ok)
        }
    }

    @Test func aHugePageNumberSaysThereIsNoSuchPage() async throws {
        let server = try await FacilitatorWebTests.server()
        try await server.test { client in
            var browser = Browser()
            _ = try await browser.signIn(client)
            let page = try await browser.get("/facilitator/sessions?page=9223372036854775807", client)
            #expect(page.text.contains("There is no page 1000000."))
        }
    }

    @Test func anOversizedNoteIsRefusedAndStoresNothing() async throws {
        let server = try await FacilitatorWebTests.server()
        try await server.test { client in
            var browser = Browser()
            _ = try await browser.signIn(client)
            let token = try #require(Browser.formToken(in: try await browser.get("/facilitator/sessions/1", client)))
            let long = try await browser.post(
                "/facilitator/sessions/1/notes", [("csrf", token), ("text", String(repeating: "n", count: 5001))], client)
            #expect(long.status == .badRequest)
            let huge = try await browser.post(
                "/facilitator/sessions/1/notes", [("csrf", token), ("text", String(repeating: "n", count: 70_000))], client)
            #expect(huge.status == .contentTooLarge)
            let overflowing = try await browser.post(
                "/facilitator/sessions/1/notes/9223372036854775808", [("csrf", token), ("text", "hi")], client)
            #expect(overflowing.status == .notFound)
        }
        #expect(try await server.database.facilitators.notes(ofSession: 1).isEmpty)
    }

    @Test func aNoteWithANULIsStoredWhole() async throws {
        let server = try await FacilitatorWebTests.server()
        try await server.test { client in
            var browser = Browser()
            _ = try await browser.signIn(client)
            let token = try #require(Browser.formToken(in: try await browser.get("/facilitator/sessions/1", client)))
            let added = try await browser.post(
                "/facilitator/sessions/1/notes", [("csrf", token), ("text", "before\u{0}after")], client)
            #expect(added.status == .seeOther)
        }
        #expect(try await server.database.facilitators.notes(ofSession: 1).map(\.text) == ["before\u{FFFD}after"])
    }
}

import FlowLinksServer
import FlowLinksStore
import Foundation
import HummingbirdTesting
import Testing

@Suite("Facilitator notes")
struct FacilitatorNotesTests {
    @Test func aNoteIsAddedWithItsAuthorAndCanBeEditedByThem() async throws {
        let server = try await FacilitatorWebTests.server()
        try await server.test { client in
            var browser = Browser()
            _ = try await browser.signIn(client)
            let page = try await browser.get("/facilitator/sessions/1", client)
            let token = try #require(Browser.formToken(in: page))
            let added = try await browser.post(
                "/facilitator/sessions/1/notes", [("csrf", token), ("text", "Follow up <b>next month</b>")], client)
            #expect(added.status == .seeOther)
            var shown = try await browser.get("/facilitator/sessions/1", client).text
            #expect(shown.contains("<p class=\"who\">maria <time>"))
            #expect(shown.contains("Follow up &lt;b&gt;next month&lt;/b&gt;"))
            server.clock.advance(60)
            let edited = try await browser.post(
                "/facilitator/sessions/1/notes/1", [("csrf", token), ("text", "Call Dana")], client)
            #expect(edited.status == .seeOther)
            shown = try await browser.get("/facilitator/sessions/1", client).text
            #expect(shown.contains("Call Dana"))
            #expect(shown.contains("· edited "))
        }
    }

    @Test func notesNeedTheFormTokenAndText() async throws {
        let server = try await FacilitatorWebTests.server()
        try await server.test { client in
            var browser = Browser()
            _ = try await browser.signIn(client)
            let page = try await browser.get("/facilitator/sessions/1", client)
            let token = try #require(Browser.formToken(in: page))
            let forged = try await browser.post("/facilitator/sessions/1/notes", [("text", "no token")], client)
            #expect(forged.status == .forbidden)
            let empty = try await browser.post("/facilitator/sessions/1/notes", [("csrf", token), ("text", "  ")], client)
            #expect(empty.status == .badRequest)
            let nowhere = try await browser.post("/facilitator/sessions/99/notes", [("csrf", token), ("text", "hi")], client)
            #expect(nowhere.status == .notFound)
        }
        #expect(try await server.database.facilitators.notes(ofSession: 1).isEmpty)
    }

    @Test func onlyTheAuthorCanChangeANote() async throws {
        let server = try await FacilitatorWebTests.server()
        try await FacilitatorAccounts(store: server.database.facilitators, cost: 4).add(
            username: "sam", password: "another long password")
        _ = try await server.database.facilitators.addNote(toSession: 1, author: "sam", text: "Sam's note", now: server.clock.now)
        try await server.test { client in
            var browser = Browser()
            _ = try await browser.signIn(client)
            let page = try await browser.get("/facilitator/sessions/1", client)
            #expect(!page.text.contains("/notes/1\""), "no edit form for someone else's note")
            let token = try #require(Browser.formToken(in: page))
            let attempt = try await browser.post(
                "/facilitator/sessions/1/notes/1", [("csrf", token), ("text", "mine now")], client)
            #expect(attempt.status == .forbidden)
        }
        #expect(try await server.database.facilitators.notes(ofSession: 1).first?.text == "Sam's note")
    }

    @Test func erasingASessionErasesItsNotes() async throws {
        let server = try await FacilitatorWebTests.server()
        _ = try await server.database.facilitators.addNote(toSession: 1, author: "maria", text: "note", now: server.clock.now)
        try await server.database.review.deleteSession(id: 1)
        #expect(try await server.database.facilitators.notes(ofSession: 1).isEmpty)
    }
}

@Suite("The printable summary")
struct SummaryPageTests {
    @Test func theSummaryHoldsTheChartAndTheRecommendationForPrinting() async throws {
        let server = try await FacilitatorWebTests.server()
        try await server.test { client in
            var browser = Browser()
            _ = try await browser.signIn(client)
            let summary = try await browser.get("/facilitator/sessions/1/summary", client)
            #expect(summary.status == .ok)
            #expect(summary.text.contains("<table class=\"chart\">"))
            #expect(summary.text.contains("Recommended level: Involving"))
            let closing = "Type &quot;back&quot; to change an answer"
            let detail = try await browser.get("/facilitator/sessions/1", client)
            #expect(detail.text.contains(closing))
            #expect(!summary.text.contains(closing), "the participant's closing line is left out")
            #expect(summary.text.contains("Riverside &lt;script&gt;"))
            let unfinished = try await browser.get("/facilitator/sessions/2/summary", client)
            #expect(unfinished.text.contains("no result yet"))
            let css = try await browser.get("/facilitator/style.css", client)
            #expect(css.text.contains("@media print"))
        }
    }
}

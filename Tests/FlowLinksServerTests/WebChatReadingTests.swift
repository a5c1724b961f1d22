import FlowLinksServer
import FlowLinksTesting
import Foundation
import HummingbirdTesting
import Testing

/// The web chat is a text channel like the others: a likely reading is checked in one line, its
/// unnumbered yes is a button, and what became of each reply is counted under `webchat`.
@Suite("Reading replies in the web chat")
struct WebChatReadingTests {
    @Test func aCheckedReadingIsConfirmedWithItsButtonAndCounted() async throws {
        let server = try TestServer()
        try await server.test { client in
            let before = try await client.execute(uri: "/metrics", method: .get).text
            let series = { (outcome: String) in
                #"flowlinks_replies_read_total{channel="webchat",question="desired_level",outcome="\#(outcome)"}"#
            }
            #expect(before.contains(series("confirmed") + " 0"), "the web chat's series exist from start-up")
            var person = ChatVisitor()
            try await person.open(client)
            try await person.say("hello", client)
            for answer in SampleAnswers.throughDesiredLevel.dropLast() { try await person.say(answer, client) }
            try await person.say("a partnership with the families", client)
            #expect(person.page.contains("Sounds like 5. Aligning"))
            let yes = try #require(person.choices.first)
            #expect(yes.label.hasPrefix("Yes, that"))
            #expect(yes.value.hasSuffix(":0:desired_level"))
            #expect(!person.page.contains(">0. "), "the yes is not numbered")
            try await person.send([("choice", yes.value), ("label", "Yes, that's it")], client)
            #expect(person.page.contains("influence the outcomes"), "the next question follows")
            let after = try await client.execute(uri: "/metrics", method: .get).text
            #expect(after.contains(series("confirming") + " 1"))
            #expect(after.contains(series("confirmed") + " 1"))
            #expect(after.contains(#"flowlinks_replies_read_total{channel="webchat",question="benefit",outcome="taken"} 1"#))
        }
    }
}

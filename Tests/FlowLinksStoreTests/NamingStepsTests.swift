import FlowLinksCore
import FlowLinksStore
import FlowLinksTesting
import Foundation
import Testing

@Suite("Review queries find organization and initiative by the steps' roles")
struct NamingStepsTests {
    /// The default content with its organization and initiative steps given other ids.
    static func renamedScript() throws -> Script {
        var sources = try DefaultPrompts.sources()
        for name in ["script.yaml", "workshop.yaml"] {
            sources[name] = try #require(sources[name])
                .replacingOccurrences(of: "  - id: organization\n", with: "  - id: agency\n")
                .replacingOccurrences(of: "  - id: initiative\n", with: "  - id: program\n")
        }
        return try ScriptLoader.load(sources: sources, translations: [:])
    }

    @Test func aRenamedStepStillNamesTheSessionInTheListTheFilterAndTheOverview() async throws {
        let script = try Self.renamedScript()
        #expect(script.step(for: .organization)?.id == "agency")
        let database = try SQLiteDatabase.inMemory()
        let stores = database.stores(naming: NamingSteps(script))
        let engine = Engine(script: script)
        let key = ConversationKey(channel: "repl", conversation: "a")
        var now = TestClock().now
        _ = try await stores.conversations.open(key, participant: nil, engine: engine, now: now)
        for text in SampleAnswers.complete {
            now += 60
            _ = try await stores.conversations.converse(InboundMessage(key: key, text: text), engine: engine, now: now)
        }

        let page = try await stores.review.sessions(matching: SessionFilter(organization: "riverside"))
        #expect(page.sessions.map(\.organization) == ["Riverside Family Services"])
        #expect(page.sessions.map(\.initiative) == ["Parent Cafe"])
        let overview = try await stores.review.overview()
        #expect(overview.initiatives.map(\.organization) == ["Riverside Family Services"])
        #expect(overview.initiatives.map(\.initiative) == ["Parent Cafe"])
    }
}

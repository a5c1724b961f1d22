import FlowLinksReview
import FlowLinksStore
import FlowLinksTesting
import Foundation
import Testing

@Suite("Markdown report of a session")
struct SessionMarkdownTests {
    func markdown() async throws -> String {
        var fixtures = try ReviewFixtures()
        let id = try await fixtures.trickySession()
        let report = try #require(try await fixtures.database.review.report(ofSession: id))
        return SessionMarkdown(report: report, script: DefaultPrompts.script).render()
    }

    @Test func theReportOpensWithTheOrganizationAndInitiativeAndTheSessionFacts() async throws {
        let markdown = try await markdown()
        #expect(markdown.hasPrefix("# Riverside, \"Family\" Services: \\<script\\>alert(1)\\</script\\>"))
        #expect(markdown.contains("- Channel: repl"))
        #expect(markdown.contains("- Status: completed"))
        #expect(markdown.contains("- Started: 2027-01-15 08:00 UTC"))
        #expect(markdown.contains("- Content version: \(DefaultPrompts.script.version)"))
    }

    @Test func timesAreWrittenInTheConfiguredZoneAndNameIt() async throws {
        var fixtures = try ReviewFixtures()
        let id = try await fixtures.trickySession()
        let report = try #require(try await fixtures.database.review.report(ofSession: id))
        let chicago = try #require(DisplayTime(zoneNamed: "America/Chicago"))
        let markdown = SessionMarkdown(report: report, script: DefaultPrompts.script, time: chicago).render()
        #expect(markdown.contains("- Started: 2027-01-15 02:00 CST"))
    }

    @Test func theReportHoldsTheResult() async throws {
        let markdown = try await markdown()
        #expect(markdown.contains("- Recommended level: **Involving**"))
        #expect(markdown.contains("- **Communication**: today Informing; next step"))
        #expect(markdown.contains("### Words and actions"))
        #expect(markdown.contains("We value your feedback"))
    }

    @Test func aChangedAnswerShowsWhatItWasAndWhen() async throws {
        let markdown = try await markdown()
        #expect(markdown.contains("- Answer: \\<script\\>alert(1)\\</script\\> \"onmouseover=alert(2)"))
        #expect(markdown.contains("- Earlier (answered 2027-01-15 08:02 UTC, changed 2027-01-15 08:04 UTC): Parent Cafe"))
    }

    @Test func theTranscriptListsEveryMessageWithWhoSentItAndTheChoices() async throws {
        let markdown = try await markdown()
        let transcript = try #require(markdown.components(separatedBy: "## Transcript").last)
        #expect(transcript.contains("· FlowLinks:** Hi, I'm FlowLinks"))
        #expect(transcript.contains("· sam:** Parent Cafe"))
        #expect(transcript.contains("· sam:** back"))
        #expect(transcript.contains("\n  1. Yes\n  2. Maybe\n  3. No"))
        #expect(transcript.contains("Recommended level: Involving"))
    }

    @Test func participantTextCannotOpenHTMLHeadingsOrLinks() async throws {
        let markdown = try await markdown()
        #expect(!markdown.contains("<script>"))
        #expect(!markdown.contains("</script>"))
        let lines = markdown.components(separatedBy: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(!lines.contains { $0.hasPrefix("# heading") })
        #expect(markdown.contains("- Answer: \\# heading  \n  second line, with a comma and \"quotes\"\n"))
        #expect(markdown.contains("\\=SUM(A1)"))
    }
}

@Suite("Facilitator notes in the exports")
struct NotesInExportsTests {
    /// The plain session with two notes, the second one edited later.
    static func reportWithNotes() async throws -> SessionReport {
        var fixtures = try ReviewFixtures()
        let id = try await fixtures.plainSession()
        let written = Date(timeIntervalSince1970: 1_800_000_000)
        _ = try await fixtures.database.facilitators.addNote(
            toSession: id, author: "dana", text: "Follow up with *Maria*.", now: written)
        let second = try #require(
            try await fixtures.database.facilitators.addNote(toSession: id, author: "lee", text: "Second, draft", now: written))
        let secondID = try #require(second.id)
        _ = try await fixtures.database.facilitators.editNote(
            secondID, ofSession: id, by: "lee", text: "Second, final", now: written.addingTimeInterval(60))
        return try #require(try await fixtures.database.review.report(ofSession: id))
    }

    @Test func theMarkdownHasTheNotesEscapedWithAuthorsAndEdits() async throws {
        let markdown = SessionMarkdown(report: try await Self.reportWithNotes(), script: DefaultPrompts.script).render()
        let notes = try #require(markdown.components(separatedBy: "## Facilitator notes").last)
        #expect(notes.contains("- **dana, 2027-01-15 08:00 UTC:** Follow up with \\*Maria\\*."))
        #expect(notes.contains("lee, 2027-01-15 08:00 UTC, edited 2027-01-15 08:01 UTC"))
        #expect(notes.contains("Second, final"))
        #expect(!markdown.contains("Second, draft"))
        #expect(markdown.range(of: "## Facilitator notes")!.lowerBound < markdown.range(of: "## Transcript")!.lowerBound)
    }

    @Test func theJSONHasTheNotes() async throws {
        let data = try SessionJSON(report: try await Self.reportWithNotes(), script: DefaultPrompts.script).render()
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let notes = try #require(object["notes"] as? [[String: Any]])
        #expect(notes.map { $0["author"] as? String } == ["dana", "lee"])
        #expect(notes[1]["text"] as? String == "Second, final")
        #expect(notes[1]["updated_at"] as? String != notes[1]["created_at"] as? String)
    }
}

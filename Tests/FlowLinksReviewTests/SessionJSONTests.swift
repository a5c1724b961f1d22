import FlowLinksReview
import FlowLinksTesting
import Foundation
import Testing

@Suite("JSON export of a session")
struct SessionJSONTests {
    func document(finished: Bool = true) async throws -> [String: Any] {
        var fixtures = try ReviewFixtures()
        let id = try await finished ? fixtures.trickySession() : fixtures.unfinishedSession()
        let report = try #require(try await fixtures.database.review.report(ofSession: id))
        let data = try SessionJSON(report: report, script: DefaultPrompts.script).render()
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func theDocumentHasTheDocumentedKeys() async throws {
        let document = try await document()
        #expect(Set(document.keys) == ["format", "session", "answers", "result", "notes", "transcript"])
        #expect(document["format"] as? String == "flowlinks.session/1")
        let session = try #require(document["session"] as? [String: Any])
        #expect(
            Set(session.keys) == [
                "id", "channel", "language", "conversation", "participant", "status", "current_step", "content_version",
                "created_at",
                "updated_at", "organization", "initiative",
            ])
        #expect(session["initiative"] as? String == ReviewFixtures.trickyInitiative)
        #expect(session["created_at"] as? String == "2027-01-15T08:00:00Z")
        let result = try #require(document["result"] as? [String: Any])
        #expect(
            Set(result.keys) == [
                "created_at", "content_version", "overall_current", "fit_ceiling", "desired", "recommended", "fit",
                "words_level", "words_check", "dimensions", "parts",
            ])
        let recommended = try #require(result["recommended"] as? [String: Any])
        #expect(recommended["name"] as? String == "Involving")
        #expect(recommended["level"] as? Int == 4)
        let dimensions = try #require(result["dimensions"] as? [[String: Any]])
        #expect(dimensions.count == 3)
        #expect(Set(dimensions[0].keys) == ["dimension", "name", "current", "next", "actions", "source_step"])
        #expect((dimensions[0]["actions"] as? [String])?.isEmpty == false)
    }

    @Test func aChangedAnswerKeepsItsHistory() async throws {
        let answers = try #require(try await document()["answers"] as? [[String: Any]])
        let initiative = try #require(answers.first { $0["step_id"] as? String == "initiative" })
        let current = try #require(initiative["current"] as? [String: Any])
        #expect(current["words"] as? String == ReviewFixtures.trickyInitiative)
        let history = try #require(initiative["history"] as? [[String: Any]])
        #expect(history.count == 1)
        #expect(history.first?["text"] as? String == "Parent Cafe")
        #expect(history.first?["replaced_at"] as? String == "2027-01-15T08:04:00Z")
        #expect(current["replaced_at"] is NSNull)
    }

    @Test func theTranscriptHoldsEveryMessageWithItsChoices() async throws {
        let transcript = try #require(try await document()["transcript"] as? [[String: Any]])
        #expect(transcript.first?["from"] as? String == "FlowLinks")
        #expect(transcript.contains { $0["from"] as? String == "sam" && $0["text"] as? String == "Parent Cafe" })
        #expect(transcript.contains { $0["text"] as? String == "back" && $0["direction"] as? String == "in" })
        let withChoices = try #require(transcript.first { ($0["choices"] as? [[String: Any]])?.isEmpty == false })
        let keys = (withChoices["choices"] as? [[String: Any]])?.first.map { Set($0.keys) }
        #expect(keys == ["number", "value", "label"])
    }

    @Test func anUnfinishedSessionHasANullResult() async throws {
        let document = try await document(finished: false)
        #expect(document["result"] is NSNull)
        #expect((document["session"] as? [String: Any])?["status"] as? String == "active")
    }
}

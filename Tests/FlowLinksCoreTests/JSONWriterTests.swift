import Foundation
import Testing

@testable import FlowLinksCore

/// The JSON written by hand for stored replies reads back exactly as `JSONEncoder`'s did.
@Suite struct JSONWriterTests {
    static let awkwardTexts = [
        "plain", "", "quotes \" and \\ backslashes", "a/slash", "line\nbreak\r\ttab", "\u{8}\u{c}\u{0}\u{1f}\u{7f}",
        "accents é ü, emoji 👩🏽‍🌾, CJK 参与", "\u{2028}\u{2029}", "{\"json\": [\"inside\"]}",
    ]

    @Test func storedRepliesReadBackAsTheyWereSent() throws {
        let messages =
            Self.awkwardTexts.map { text in
                OutboundMessage(text, choices: [Choice(number: 1, value: text, label: "“\(text)”", shortLabel: text + "\\")])
            } + [OutboundMessage("no choices"), OutboundMessage("That button is old.", notice: .stalePress)]
        let decoded = try JSONDecoder().decode([OutboundMessage].self, from: Data(OutboundMessage.json(messages)))
        #expect(decoded == messages)
        #expect(OutboundMessage.json([]) == Array("[]".utf8))
    }

    @Test func storedChoicesReadBackAsTheyWereOffered() throws {
        let questions: [Question?] = [nil, .step("benefit"), .confirmation(.restart), .confirmation(.delete)]
        let choices = Self.awkwardTexts.enumerated().map {
            Choice(number: $0 + 1, value: $1, label: $1, shortLabel: $1, question: questions[$0 % questions.count])
        }
        #expect(try JSONDecoder().decode([Choice].self, from: Data(Choice.json(choices))) == choices)
    }

    @Test func repliesStoredBeforeButtonsCarriedTheirQuestionStillReadBack() throws {
        let stored = #"[{"text":"Benefit?","choices":[{"number":1,"value":"yes","label":"Yes","shortLabel":"Yes"}]}]"#
        let messages = try JSONDecoder().decode([OutboundMessage].self, from: Data(stored.utf8))
        #expect(
            messages == [OutboundMessage("Benefit?", choices: [Choice(number: 1, value: "yes", label: "Yes", shortLabel: "Yes")])]
        )
        #expect(OutboundMessage.json(messages) == Array(stored.utf8), "and are written the same way")
    }

    @Test func theHandWrittenJSONIsWhatJSONEncoderWrites() throws {
        let messages = [
            OutboundMessage(
                "Benefit?",
                choices: [Choice(number: 1, value: "yes", label: "Yes", shortLabel: "Yes", question: .step("benefit"))]),
            OutboundMessage("Old button.", notice: .stalePress),
        ]
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        let decodedFromWriter = try JSONSerialization.jsonObject(with: Data(OutboundMessage.json(messages))) as? NSArray
        let decodedFromEncoder = try JSONSerialization.jsonObject(with: encoder.encode(messages)) as? NSArray
        #expect(decodedFromWriter == decodedFromEncoder)
    }
}

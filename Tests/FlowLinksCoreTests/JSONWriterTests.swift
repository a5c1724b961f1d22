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
            } + [OutboundMessage("no choices")]
        let decoded = try JSONDecoder().decode([OutboundMessage].self, from: Data(OutboundMessage.json(messages)))
        #expect(decoded == messages)
        #expect(OutboundMessage.json([]) == Array("[]".utf8))
    }

    @Test func storedChoicesReadBackAsTheyWereOffered() throws {
        let choices = Self.awkwardTexts.enumerated().map { Choice(number: $0 + 1, value: $1, label: $1, shortLabel: $1) }
        #expect(try JSONDecoder().decode([Choice].self, from: Data(Choice.json(choices))) == choices)
    }
}

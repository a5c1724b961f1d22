import FlowLinksChannels
import Foundation
import Testing

@Suite("Splitting long messages")
struct TextSplitterTests {
    static let texts = [
        numberedWords(count: 900),
        (1...12).map { numberedWords(count: 40 + $0 * 7, prefix: "p\($0)w") }.joined(separator: "\n\n"),
        (1...60).map { "\($0). " + numberedWords(count: 9, prefix: "line\($0)w") }.joined(separator: "\n"),
        String(repeating: "x", count: 5000),
        numberedWords(count: 300, prefix: "café👍🏽"),
    ]

    @Test("No part is longer than the limit", arguments: [1600, 4096, 100, 37])
    func noPartExceedsTheLimit(limit: Int) {
        for text in Self.texts {
            let parts = TextSplitter(limit: limit).split(text)
            #expect(!parts.isEmpty)
            for part in parts { #expect(part.utf16.count <= limit, "a part of \(part.utf16.count) units") }
        }
    }

    @Test("Every word is kept, in order", arguments: [1600, 4096, 100, 37])
    func keepsEveryWordInOrder(limit: Int) {
        for text in Self.texts where !text.hasPrefix("xxx") {
            let parts = TextSplitter(limit: limit).split(text)
            #expect(words(parts) == words([text]))
        }
    }

    @Test func aWordLongerThanTheLimitIsCutWithoutLosingCharacters() {
        let text = String(repeating: "x", count: 5000)
        let parts = TextSplitter(limit: 1600).split(text)
        #expect(parts.map(\.count) == [1600, 1600, 1600, 200])
        #expect(parts.joined() == text)
    }

    @Test func aShortTextIsOnePartUnchanged() {
        let text = "How do you communicate with partners?\n\n1. Independent\n2. Informing"
        #expect(TextSplitter(limit: 1600).split(text) == [text])
    }

    @Test func aParagraphBreakIsPreferredToALineBreakOrASpace() {
        let first = String(repeating: "a ", count: 25) + "end."
        let second = "Second paragraph\nwith lines and more words that go past the limit"
        let parts = TextSplitter(limit: 100).split(first + "\n\n" + second)
        #expect(parts.first == first)
        #expect(parts.dropFirst().joined(separator: " ").hasPrefix("Second paragraph"))
    }

    @Test func aLineBreakIsPreferredToASpace() {
        let text = "1. Independent\n2. Informing\n3. Consulting with partners about the plan"
        let parts = TextSplitter(limit: 40).split(text)
        #expect(parts.first == "1. Independent\n2. Informing")
    }

    @Test func emojiCountAsTheUTF16UnitsPlatformsCount() {
        let text = String(repeating: "👍", count: 30)  // 60 UTF-16 units
        let parts = TextSplitter(limit: 50).split(text)
        #expect(parts.map(\.utf16.count) == [50, 10])
        #expect(parts.joined() == text)
    }

    /// A person can type one character with thousands of combining marks ("Zalgo" text); echoed back in a
    /// reply, it is longer than an SMS part on its own. The split must still end.
    @Test func aSingleCharacterLongerThanTheLimitStillEnds() async {
        let zalgo = "Parent Cafe e" + String(repeating: "\u{301}", count: 2000) + " weekly"
        let parts = await splitWithDeadline(zalgo, limit: 1600, seconds: 5)
        guard let parts else {
            Issue.record("TextSplitter(limit: 1600).split never returned for a 2001-unit character")
            return
        }
        for part in parts { #expect(part.utf16.count <= 1600) }
    }

    /// Runs the split on its own thread so a split that never ends fails the test instead of the whole run.
    private func splitWithDeadline(_ text: String, limit: Int, seconds: Double) async -> [String]? {
        final class Box: @unchecked Sendable { var parts: [String]? }
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            box.parts = TextSplitter(limit: limit).split(text)
            done.signal()
        }
        return await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                let finished = done.wait(timeout: .now() + seconds) == .success
                continuation.resume(returning: finished ? box.parts : nil)
            }
        }
    }
}

@Suite("Form bodies")
struct FormBodyTests {
    @Test func plusAndPercentTwentyBothDecodeToASpace() throws {
        let form = try #require(FormBody(Array("Body=Parent+Cafe%20today&From=%2B15035550142".utf8)))
        #expect(form["Body"] == "Parent Cafe today")
        #expect(form["From"] == "+15035550142")
    }

    @Test func utf8PercentEscapesDecode() throws {
        let form = try #require(FormBody(Array("text=caf%C3%A9+%E2%80%94+%26+more".utf8)))
        #expect(form["text"] == "café — & more")
    }

    @Test func fieldsKeepTheirOrderAndEmptyValues() throws {
        let form = try #require(FormBody(Array("b=2&a=&file_ids=&flag".utf8)))
        #expect(form.fields.map(\.name) == ["b", "a", "file_ids", "flag"])
        #expect(form.fields.map(\.value) == ["2", "", "", ""])
    }

    @Test func aRepeatedNameReadsAsItsFirstValue() throws {
        let form = try #require(FormBody(Array("a=1&a=2".utf8)))
        #expect(form["a"] == "1")
        #expect(form.fields.count == 2)
    }

    @Test(
        "Invalid percent-encoding is refused",
        arguments: ["Body=%zz", "Body=100%", "Body=%E2%82", "Body=%FF", "Bo%dy=1"])
    func invalidPercentEncodingIsNil(body: String) {
        #expect(FormBody(Array(body.utf8)) == nil)
    }

    @Test func bytesThatAreNotUTF8AreRefused() {
        #expect(FormBody([0x42, 0x6f, 0x64, 0x79, 0x3d, 0xff, 0xfe]) == nil)
    }

    @Test func aLeadingByteOrderMarkIsKept() throws {
        // Twilio signs the text as sent; dropping the mark made a genuine request's signature fail.
        let form = try #require(FormBody(Array("Body=%EF%BB%BFyes".utf8)))
        #expect(form["Body"] == "\u{FEFF}yes")
    }

    @Test func anEmptyBodyHasNoFields() throws {
        #expect(try #require(FormBody([])).fields.isEmpty)
    }
}

@Suite("Comparing secrets")
struct ConstantTimeTests {
    @Test func equalSecretsMatch() {
        #expect(ConstantTime.equals("s3cr3t-token", "s3cr3t-token"))
        #expect(ConstantTime.equals(Array("abc".utf8), Array("abc".utf8)))
        #expect(ConstantTime.equals([UInt8](), [UInt8]()))
    }

    @Test func aDifferenceAnywhereFails() {
        #expect(!ConstantTime.equals("s3cr3t-token", "X3cr3t-token"))
        #expect(!ConstantTime.equals("s3cr3t-token", "s3cr3t-tokeN"))
        #expect(!ConstantTime.equals(Array("abc".utf8), Array("abd".utf8)))
    }

    @Test func aDifferentLengthFails() {
        #expect(!ConstantTime.equals("s3cr3t-token", "s3cr3t-token "))
        #expect(!ConstantTime.equals("s3cr3t", "s3cr3t-token"))
        #expect(!ConstantTime.equals("", "s3cr3t-token"))
    }

    @Test func aMissingSecretFails() {
        #expect(!ConstantTime.equals(nil, "s3cr3t-token"))
        #expect(!ConstantTime.equals(nil, ""))
    }
}

@Suite("Escaping markup")
struct EscapingTests {
    @Test func htmlEscapesAmpersandAndAngleBrackets() {
        #expect(Escaping.html("a < b && c > d") == "a &lt; b &amp;&amp; c &gt; d")
        #expect(Escaping.html("<b>Parent Cafe</b>") == "&lt;b&gt;Parent Cafe&lt;/b&gt;")
    }

    @Test func htmlEscapesAnAmpersandBeforeAnythingElse() {
        #expect(Escaping.html("&lt;") == "&amp;lt;")
    }

    @Test func htmlLeavesQuotesAndPlainTextAlone() {
        #expect(Escaping.html("It's \"fine\" — café 👍") == "It's \"fine\" — café 👍")
    }

    @Test func xmlAlsoEscapesQuotes() {
        #expect(Escaping.xml("Tom & \"Jerry\" <3 'cheese'") == "Tom &amp; &quot;Jerry&quot; &lt;3 &apos;cheese&apos;")
    }
}

@Suite("Requests and errors")
struct ChannelRequestTests {
    @Test func headersAreFoundWhateverTheirCase() {
        let request = ChannelRequest(method: "POST", path: "/", headers: ["X-Twilio-Signature": "abc"])
        #expect(request.header("x-twilio-signature") == "abc")
        #expect(request.header("X-TWILIO-SIGNATURE") == "abc")
    }

    @Test func theMediaTypeDropsParametersAndCase() {
        let request = ChannelRequest(method: "POST", path: "/", headers: ["Content-Type": "Application/JSON; charset=UTF-8"])
        #expect(request.mediaType == "application/json")
        #expect(ChannelRequest(method: "POST", path: "/").mediaType == nil)
    }

    @Test func errorsMapToTheirHTTPStatus() {
        #expect(ChannelError.unauthorized.status == 401)
        #expect(ChannelError.badRequest("Missing field \"text\".").status == 400)
        #expect(ChannelError.unsupportedMediaType("application/json").status == 415)
        #expect(ChannelError.unsupportedMediaType("application/json").message.contains("application/json"))
    }
}

import FlowLinksChannels
import FlowLinksCore
import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite("Twilio signatures")
struct TwilioSignatureTests {
    /// Twilio's documented example: the five parameters of a voice webhook, signed with token 12345.
    static let documentedParameters: [(name: String, value: String)] = [
        ("CallSid", "CA1234567890ABCDE"), ("Caller", "+14158675309"), ("Digits", "1234"), ("From", "+14158675309"),
        ("To", "+18005551212"),
    ]
    static let documentedURL = "https://mycompany.com/myapp.php?foo=1&bar=2"
    static let documentedSignature = "RSOYDt4T1cUTdK1PDd93/VVr8B8="

    @Test func theDocumentedExampleGivesTheDocumentedSignature() {
        let signature = TwilioSignature.expected(
            url: Self.documentedURL, parameters: Self.documentedParameters, authToken: "12345")
        #expect(signature == Self.documentedSignature)
    }

    @Test func parametersAreSortedWhateverOrderTheyArrive() {
        let shuffled = Array(Self.documentedParameters.reversed())
        #expect(
            TwilioSignature.expected(url: Self.documentedURL, parameters: shuffled, authToken: "12345")
                == Self.documentedSignature)
        #expect(
            TwilioSignature.isValid(Self.documentedSignature, url: Self.documentedURL, parameters: shuffled, authToken: "12345"))
    }

    @Test func aChangeToTheURLTheParametersOrTheTokenInvalidatesIt() {
        let parameters = Self.documentedParameters
        let valid = { (url: String, parameters: [(name: String, value: String)], token: String) in
            TwilioSignature.isValid(Self.documentedSignature, url: url, parameters: parameters, authToken: token)
        }
        #expect(valid(Self.documentedURL, parameters, "12345"))
        #expect(!valid(Self.documentedURL, parameters, "12346"))
        #expect(!valid("https://mycompany.com/myapp.php", parameters, "12345"))
        #expect(!valid("https://mycompany.com/myapp.php?bar=2&foo=1", parameters, "12345"))
        #expect(!valid(Self.documentedURL, parameters.dropLast() + [("To", "+18005551213")], "12345"))
        #expect(!valid(Self.documentedURL, parameters + [("Body", "hi")], "12345"))
        #expect(!TwilioSignature.isValid(nil, url: Self.documentedURL, parameters: parameters, authToken: "12345"))
    }
}

@Suite("Twilio channel")
struct TwilioChannelTests {
    static let authToken = "9c1f4e7a2b8d3c6f0e5a7b9d1c3e5f70"
    static let publicURL = "https://flowlinks.example.org/webhooks/twilio"
    let channel = TwilioChannel(authToken: authToken, publicURL: publicURL, plainText: plainText)

    /// A request as Twilio sends it: the form body signed over the public URL and its query.
    func signedRequest(
        _ body: [UInt8], query: String? = nil, authToken: String = TwilioChannelTests.authToken
    ) throws -> ChannelRequest {
        let form = try #require(FormBody(body))
        let url = query.map { "\(Self.publicURL)?\($0)" } ?? Self.publicURL
        let signature = TwilioSignature.expected(url: url, parameters: form.fields, authToken: authToken)
        return request(body, query: query, signature: signature)
    }

    func request(
        _ body: [UInt8], query: String? = nil, signature: String?,
        contentType: String = "application/x-www-form-urlencoded; charset=UTF-8"
    ) -> ChannelRequest {
        var headers = ["Content-Type": contentType, "I-Twilio-Idempotency-Token": "7a1d0c1e-9f3b-4c55-8e0a-3b9f6f2d4c10"]
        if let signature { headers["X-Twilio-Signature"] = signature }
        return ChannelRequest(method: "POST", path: "/webhooks/twilio", query: query, headers: headers, body: body)
    }

    // MARK: Receiving

    @Test func theDocumentedSignatureIsAcceptedWithTheQueryStringInTheSignedURL() {
        let channel = TwilioChannel(authToken: "12345", publicURL: "https://mycompany.com/myapp.php", plainText: plainText)
        let body = Array("CallSid=CA1234567890ABCDE&Caller=%2B14158675309&Digits=1234&From=%2B14158675309&To=%2B18005551212".utf8)
        let signed = request(body, query: "foo=1&bar=2", signature: TwilioSignatureTests.documentedSignature)
        // why: the signature passes; a voice call has no MessageSid, so the refusal is about the body, not auth.
        expectPlainBadRequest(refusal(of: signed, by: channel), mentioning: "MessageSid")
        let withoutQuery = request(body, signature: TwilioSignatureTests.documentedSignature)
        #expect(refusal(of: withoutQuery, by: channel) == .unauthorized)
    }

    @Test func anSMSBecomesAnEvent() throws {
        let event = try #require(try channel.receive(signedRequest(try Fixture.bytes("twilio-sms.form"))).event)
        #expect(
            event
                == InboundEvent(
                    channel: "twilio", eventID: "SM4f1c2a9e8b7d6c5b4a39281706f5e4d3", conversation: "+15035550142",
                    participant: "+15035550142", text: "Parent Cafe & Friends: weekly drop-in"))
    }

    @Test func aWhatsAppButtonBecomesAnEventWithItsPayload() throws {
        let event = try #require(try channel.receive(signedRequest(try Fixture.bytes("twilio-whatsapp-button.form"))).event)
        #expect(event.eventID == "SM9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d")
        #expect(event.conversation == "whatsapp:+15035550142")
        #expect(event.participant == "whatsapp:+15035550142")
        #expect(event.text == "considered")
        #expect(event.press == nil, "a payload the template's author chose is read as words")
    }

    @Test func aQuickReplyCarryingAPressTokenIsAPress() throws {
        let form = String(decoding: try Fixture.bytes("twilio-whatsapp-button.form"), as: UTF8.self)
            .replacingOccurrences(of: "ButtonPayload=considered", with: "ButtonPayload=fl%3A12%3A3%3Acurrent_communication")
        let event = try #require(try channel.receive(signedRequest(Array(form.utf8))).event)
        #expect(event.press == .choice(ChoicePress(sessionID: 12, question: .step("current_communication"), option: 3)))
        #expect(event.text == "Consulting", "the button's text, for the transcript")
    }

    @Test func aQueryStringOnTheWebhookIsPartOfTheSignedURL() throws {
        let body = try Fixture.bytes("twilio-sms.form")
        let signed = try signedRequest(body, query: "channel=sms&v=2")
        #expect(try channel.receive(signed).event?.eventID == "SM4f1c2a9e8b7d6c5b4a39281706f5e4d3")
        var withoutQuery = signed
        withoutQuery.query = nil
        #expect(refusal(of: withoutQuery, by: channel) == .unauthorized)
    }

    @Test func aBodyTamperedAfterSigningIsRefused() throws {
        let body = try Fixture.bytes("twilio-sms.form")
        var tampered = try signedRequest(body)
        let cafe = try #require(body.firstRange(of: Array("Cafe".utf8)))
        tampered.body[cafe.upperBound - 1] = UInt8(ascii: "a")
        #expect(refusal(of: tampered, by: channel) == .unauthorized)
    }

    @Test func aSignatureMadeWithAnotherTokenIsRefused() throws {
        let forged = try signedRequest(
            try Fixture.bytes("twilio-whatsapp-button.form"), authToken: "0000000000000000000000000000000")
        #expect(refusal(of: forged, by: channel) == .unauthorized)
    }

    @Test(
        "A missing or forged signature header is refused",
        arguments: [nil, "", "RSOYDt4T1cUTdK1PDd93/VVr8B8=", "not base64 at all"])
    func aMissingOrForgedSignatureIsRefused(signature: String?) throws {
        #expect(refusal(of: request(try Fixture.bytes("twilio-sms.form"), signature: signature), by: channel) == .unauthorized)
    }

    @Test(
        "Anything but a form post is an unsupported media type",
        arguments: ["application/json", "text/plain", "multipart/form-data; boundary=x"])
    func aWrongContentTypeIsRefused(contentType: String) throws {
        let body = try Fixture.bytes("twilio-sms.form")
        let signed = try signedRequest(body)
        let wrong = request(body, signature: signed.header("x-twilio-signature"), contentType: contentType)
        #expect(refusal(of: wrong, by: channel) == .unsupportedMediaType("application/x-www-form-urlencoded"))
    }

    @Test func malformedFormEncodingIsABadRequest() {
        expectPlainBadRequest(refusal(of: request(Array("MessageSid=SM1&Body=100%".utf8), signature: "x"), by: channel))
        expectPlainBadRequest(refusal(of: request([0x42, 0x6f, 0x64, 0x79, 0x3d, 0xff, 0xfe], signature: "x"), by: channel))
    }

    @Test(
        "A signed post without MessageSid or From is a bad request naming the field",
        arguments: [
            ("MessageSid", "AccountSid=AC1&From=%2B15035550142&Body=hi"),
            ("MessageSid", "MessageSid=&From=%2B15035550142&Body=hi"),
            ("From", "MessageSid=SM1&Body=hi"),
        ])
    func missingFieldsAreABadRequest(field: String, body: String) throws {
        expectPlainBadRequest(refusal(of: try signedRequest(Array(body.utf8)), by: channel), mentioning: field)
    }

    // MARK: Replying

    let event = InboundEvent(
        channel: "twilio", eventID: "SM4f1c2a9e8b7d6c5b4a39281706f5e4d3", conversation: "+15035550142",
        participant: "+15035550142", text: "x")

    @Test func theReplyIsTwiMLWithNumberedChoicesAndEscapedText() throws {
        let replies = [
            OutboundMessage("Thanks, \"Tom & Jerry's\" <team>."),
            OutboundMessage("How do you communicate with partners?", choices: chartChoices),
        ]
        let reply = channel.reply(to: event, with: replies, context: ReplyContext())
        #expect(reply.response.status == 200)
        #expect(reply.response.contentType?.hasPrefix("text/xml") == true)
        #expect(reply.followUps.isEmpty)
        let xml = try #require(String(validating: reply.response.body, as: UTF8.self))
        #expect(xml.hasPrefix(#"<?xml version="1.0" encoding="UTF-8"?><Response><Message>"#))
        #expect(xml.contains("Thanks, &quot;Tom &amp; Jerry&apos;s&quot; &lt;team&gt;."))

        let messages = try TwiML.messages(reply.response.body)
        #expect(messages.count == 1)
        let text = try #require(messages.first)
        #expect(text.hasPrefix("Thanks, \"Tom & Jerry's\" <team>.\n\nHow do you communicate with partners?"))
        for choice in chartChoices { #expect(text.contains("\n\(choice.number). \(choice.label)")) }
    }

    @Test func a4000CharacterReplyIsSeveralMessagesInOrderThatEachFit() throws {
        let text = "Summary for <Parent Cafe> & partners: " + numberedWords(count: 510)
        #expect(text.count >= 4000 && text.count < 4100)
        let reply = channel.reply(to: event, with: [OutboundMessage(text)], context: ReplyContext())
        let messages = try TwiML.messages(reply.response.body)
        #expect(messages.count >= 3)
        for message in messages { #expect(message.utf16.count <= 1600, "a message of \(message.utf16.count)") }
        #expect(words(messages) == words([text]))
    }

    @Test func anEmptyReplyIsAnEmptyResponse() throws {
        let reply = channel.reply(to: event, with: [], context: ReplyContext())
        #expect(try TwiML.messages(reply.response.body).isEmpty)
    }
}

/// Reads the texts of a TwiML response's `<Message>` elements with a real XML parser.
final class TwiML: NSObject, XMLParserDelegate {
    private var messages: [String] = []
    private var current: String?
    private var rootName: String?

    static func messages(_ body: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) throws -> [String] {
        let reader = TwiML()
        let parser = XMLParser(data: Data(body))
        parser.delegate = reader
        let parsed = parser.parse()
        try #require(
            parsed, "TwiML is not well-formed XML: \(String(describing: parser.parserError))", sourceLocation: sourceLocation)
        #expect(reader.rootName == "Response", sourceLocation: sourceLocation)
        return reader.messages
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if rootName == nil { rootName = elementName }
        if elementName == "Message" { current = "" }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { current?.append(string) }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        if elementName == "Message", let current { messages.append(current) }
        if elementName == "Message" { current = nil }
    }
}

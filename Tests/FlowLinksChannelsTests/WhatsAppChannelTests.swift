import FlowLinksChannels
import FlowLinksCore
import Foundation
import Testing

@Suite("WhatsApp Cloud API channel")
struct WhatsAppChannelTests {
    static let appSecret = "whatsapp-app-secret"
    static let verifyToken = "verify-me-please"
    let channel = WhatsAppChannel(
        appSecret: appSecret, verifyToken: verifyToken, plainText: plainText, listButton: "Choose")

    static func signed(_ body: [UInt8], secret: String = appSecret) -> ChannelRequest {
        ChannelRequest(
            method: "POST", path: "/webhooks/whatsapp",
            headers: [
                "Content-Type": "application/json",
                "X-Hub-Signature-256": "sha256=" + Signature.hmacSHA256Hex(body, secret: secret),
            ],
            body: body)
    }

    static func fixture(_ name: String) throws -> ChannelRequest { signed(try Fixture.bytes(name)) }

    // MARK: Verification

    @Test func theRawBodyHMACMatchesTheKnownAnswer() {
        let signature = Signature.hmacSHA256Hex(Array("Hello, World!".utf8), secret: "It's a Secret to Everybody")
        #expect("sha256=" + signature == "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17")
    }

    @Test func theKnownAnswerSignatureGetsPastVerification() {
        let channel = WhatsAppChannel(
            appSecret: "It's a Secret to Everybody", verifyToken: "t", plainText: plainText, listButton: "Choose")
        let request = ChannelRequest(
            method: "POST", path: "/webhooks/whatsapp",
            headers: [
                "Content-Type": "application/json",
                "X-Hub-Signature-256": "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17",
            ],
            body: Array("Hello, World!".utf8))
        // why: the signature is right, so what is refused is the body, which is not a notification.
        expectPlainBadRequest(refusal(of: request, by: channel), mentioning: "WhatsApp")
    }

    @Test func forgedOrUnsignedNotificationsAreRefused() throws {
        let body = try Fixture.bytes("whatsapp-text.json")
        #expect(refusal(of: Self.signed(body, secret: "guess"), by: channel) == .unauthorized)
        var unsigned = Self.signed(body)
        unsigned.headers["x-hub-signature-256"] = nil
        #expect(refusal(of: unsigned, by: channel) == .unauthorized)
        var bare = Self.signed(body)
        bare.headers["x-hub-signature-256"] = Signature.hmacSHA256Hex(body, secret: Self.appSecret)
        #expect(refusal(of: bare, by: channel) == .unauthorized, "the sha256= prefix is part of the signature")
    }

    @Test func theSubscriptionCheckEchoesTheChallengeOnlyForTheRightToken() throws {
        func check(_ query: String) throws(ChannelError) -> ChannelResponse? {
            try channel.challenge(ChannelRequest(method: "GET", path: "/webhooks/whatsapp", query: query))
        }
        let good = try check("hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=verify-me-please")
        #expect(good?.status == 200)
        #expect(good?.body == Array("1158201444".utf8))
        #expect(throws: ChannelError.unauthorized) {
            try check("hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=wrong")
        }
        #expect(throws: ChannelError.self) { try check("hub.challenge=1") }
    }

    // MARK: Receiving

    @Test func aTextMessageBecomesAnEvent() throws {
        guard case .batch(let events) = try channel.receive(Self.fixture("whatsapp-text.json")) else {
            Issue.record("expected messages")
            return
        }
        #expect(events.count == 1)
        #expect(events[0].eventID == "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=")
        #expect(events[0].conversation == "16505551234")
        #expect(events[0].text == "Riverside Family Services")
        #expect(events[0].context["phone_number_id"] == "106540352242922")
    }

    @Test(
        "Reply buttons and list rows send back the question and option, and their title",
        arguments: [
            ("whatsapp-button-reply.json", "fl:12:1:benefit", "Yes"),
            ("whatsapp-list-reply.json", "fl:12:3:current_communication", "3. Consulting"),
        ])
    func interactiveReplies(fixture: String, value: String, title: String) throws {
        guard case .batch(let events) = try channel.receive(Self.fixture(fixture)) else {
            Issue.record("expected messages")
            return
        }
        #expect(events.map(\.press) == [ButtonPress(value: value)])
        #expect(events.first?.press != .unrecognized(value))
        #expect(events.map(\.text) == [title])
    }

    @Test(
        "A template's quick reply is a press only when its payload is a press token",
        arguments: [("fl:12:3:benefit", true), ("considered", false)])
    func templateQuickReplies(payload: String, isPress: Bool) throws {
        let body = #"""
            {"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{"metadata":{"phone_number_id":"106540352242922"},"messages":[{"from":"1","id":"wamid.T","timestamp":"1","type":"button","button":{"payload":"\#(payload)","text":"No"}}]}}]}]}
            """#
        guard case .batch(let events) = try channel.receive(Self.signed(Array(body.utf8))) else {
            Issue.record("expected a message")
            return
        }
        #expect(events.map(\.press) == [isPress ? ButtonPress(value: payload) : nil])
        #expect(events.map(\.text) == [isPress ? "No" : payload])
    }

    @Test func aStalePressIsAnsweredWithTheNoticeAsText() throws {
        guard case .batch(let events) = try channel.receive(Self.fixture("whatsapp-button-reply.json")), let event = events.first
        else { throw ChannelError.badRequest("no event") }
        let notice = OutboundMessage("That button belongs to an earlier question.", notice: .stalePress)
        let reply = channel.reply(to: event, with: [notice], context: ReplyContext(sessionID: 12, press: .stale))
        let body = try jsonObject(try #require(reply.followUps.only).body)
        #expect(body["type"] as? String == "text")
        #expect((body["text"] as? [String: Any])?["body"] as? String == "That button belongs to an earlier question.")
    }

    @Test func statusCallbacksAreAcknowledgedAndIgnored() throws {
        #expect(try channel.receive(Self.fixture("whatsapp-status.json")).response == .acknowledged)
    }

    @Test func aPhotoReadsAsNoWordsSoTheEngineAsksForText() throws {
        let photo = #"""
            {"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{"metadata":{"phone_number_id":"106540352242922"},"messages":[{"from":"16505551234","id":"wamid.PHOTO","timestamp":"1","type":"image","image":{"id":"2","mime_type":"image/jpeg"}}]}}]}]}
            """#
        guard case .batch(let events) = try channel.receive(Self.signed(Array(photo.utf8))) else {
            Issue.record("expected messages")
            return
        }
        #expect(events.map(\.text) == [""])
    }

    @Test func severalMessagesInOneNotificationAreTakenInOrder() throws {
        let two = #"""
            {"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{"metadata":{"phone_number_id":"106540352242922"},"messages":[{"from":"1","id":"wamid.A","timestamp":"1","type":"text","text":{"body":"first"}},{"from":"1","id":"wamid.B","timestamp":"2","type":"text","text":{"body":"second"}}]}}]}]}
            """#
        guard case .batch(let events) = try channel.receive(Self.signed(Array(two.utf8))) else {
            Issue.record("expected messages")
            return
        }
        #expect(events.map(\.eventID) == ["wamid.A", "wamid.B"])
    }

    // MARK: Replying

    func event() throws -> InboundEvent {
        guard case .batch(let events) = try channel.receive(Self.fixture("whatsapp-text.json")), let first = events.first
        else { throw ChannelError.badRequest("no event") }
        return first
    }

    @Test func threeShortChoicesBecomeReplyButtons() throws {
        let choices = [
            Choice(number: 1, value: "yes", label: "Yes", shortLabel: "Yes"),
            Choice(number: 2, value: "no", label: "No", shortLabel: "No"),
            Choice(number: 3, value: "unsure", label: "Not sure", shortLabel: "Not sure"),
        ]
        let reply = channel.reply(
            to: try event(), with: [OutboundMessage("Thanks."), OutboundMessage("Shared goals?", choices: choices)],
            context: ReplyContext())
        #expect(reply.response == .acknowledged)
        let call = try #require(reply.followUps.last)
        #expect(call.method == "106540352242922/messages")
        let body = try jsonObject(call.body)
        #expect(body["messaging_product"] as? String == "whatsapp")
        #expect(body["to"] as? String == "16505551234")
        #expect(body["type"] as? String == "interactive")
        let interactive = try #require(body["interactive"] as? [String: Any])
        #expect(interactive["type"] as? String == "button")
        #expect((interactive["body"] as? [String: Any])?["text"] as? String == "Thanks.\n\nShared goals?")
        let buttons = try #require((interactive["action"] as? [String: Any])?["buttons"] as? [[String: Any]])
        #expect(buttons.compactMap { ($0["reply"] as? [String: Any])?["id"] as? String } == ["yes", "no", "unsure"])
        #expect(buttons.allSatisfy { $0["type"] as? String == "reply" })
    }

    @Test func moreChoicesBecomeAListWithTitlesThatFit() throws {
        let reply = channel.reply(
            to: try event(), with: [OutboundMessage("How does information flow?", choices: chartChoices)],
            context: ReplyContext())
        let body = try jsonObject(try #require(reply.followUps.last).body)
        let interactive = try #require(body["interactive"] as? [String: Any])
        #expect(interactive["type"] as? String == "list")
        let action = try #require(interactive["action"] as? [String: Any])
        #expect(action["button"] as? String == "Choose")
        let rows = try #require((action["sections"] as? [[String: Any]])?.first?["rows"] as? [[String: Any]])
        #expect(rows.count == 5)
        #expect(rows[2]["id"] as? String == "considered")
        #expect(rows[2]["title"] as? String == "3. Consulting")
        #expect(rows[2]["description"] as? String == "Feedback from community partners is considered.")
        #expect(rows.allSatisfy { ($0["title"] as? String ?? "").count <= 24 })
    }

    @Test func longTextIsSplitAtTheLimitAndTheQuestionKeepsItsButtons() throws {
        let long = numberedWords(count: 1200)
        let choices = [Choice(number: 1, value: "yes", label: "Yes", shortLabel: "Yes")]
        let reply = channel.reply(
            to: try event(), with: [OutboundMessage(long), OutboundMessage("Ready?", choices: choices)],
            context: ReplyContext())
        let bodies = try reply.followUps.map { try jsonObject($0.body) }
        #expect(bodies.count >= 3)
        let texts = bodies.compactMap { ($0["text"] as? [String: Any])?["body"] as? String }
        #expect(texts.allSatisfy { $0.utf16.count <= 4096 })
        let interactiveBody = try #require(
            ((bodies.last?["interactive"] as? [String: Any])?["body"] as? [String: Any])?["text"] as? String)
        #expect(interactiveBody.utf16.count <= 1024)
        #expect(words(texts + [interactiveBody]) == words([long, "Ready?"]))
    }
}

import FlowLinksChannels
import FlowLinksCore
import Foundation
import Testing

@Suite("Mattermost channel")
struct MattermostChannelTests {
    static let token = "9jrxak1ykxrmnaed9cps9i4cim"
    let channel = MattermostChannel(token: token, plainText: plainText)

    func request(_ body: [UInt8], contentType: String = "application/x-www-form-urlencoded") -> ChannelRequest {
        ChannelRequest(
            method: "POST", path: "/webhooks/mattermost",
            headers: ["Content-Type": contentType, "User-Agent": "Mattermost-Bot/1.1", "Accept": "application/json"], body: body)
    }

    func jsonRequest(_ json: String) -> ChannelRequest { request(Array(json.utf8), contentType: "application/json") }

    // MARK: Receiving

    @Test func aFormPostBecomesAnEventWithoutTheTriggerWord() throws {
        let event = try #require(try channel.receive(request(try Fixture.bytes("mattermost-outgoing.form"))).event)
        #expect(
            event
                == InboundEvent(
                    channel: "mattermost", eventID: "pmbmxbyukbfhxyorwy9qnhsd1w", conversation: "hawos4dqtby53pd64o4a4cmeoo",
                    participant: "rnina9994bde8mua79zqcg5hmo", text: "Parent Cafe & Friends"))
    }

    @Test func aJSONPostBecomesAnEventWithoutTheTriggerWord() throws {
        let body = try Fixture.bytes("mattermost-outgoing.json")
        let event = try #require(try channel.receive(request(body, contentType: "application/json")).event)
        #expect(event.eventID == "8xq3zjwmc7rd5rk1y4h9tn6yho")
        #expect(event.conversation == "hawos4dqtby53pd64o4a4cmeoo")
        #expect(event.participant == "rnina9994bde8mua79zqcg5hmo")
        #expect(event.text == "status")
    }

    @Test func withoutATriggerWordTheTextIsKeptWhole() throws {
        let body = "token=\(Self.token)&channel_id=c1&post_id=p1&user_id=u1&text=flowlinks+back&trigger_word="
        #expect(try channel.receive(request(Array(body.utf8))).event?.text == "flowlinks back")
    }

    @Test(
        "A missing or wrong token is refused",
        arguments: [
            "team_id=t&channel_id=c&post_id=p&text=hi",
            "token=&channel_id=c&post_id=p&text=hi",
            "token=9jrxak1ykxrmnaed9cps9i4cin&channel_id=c&post_id=p&text=hi",
            "token=9jrxak1ykxrmnaed9cps9i4ci&channel_id=c&post_id=p&text=hi",
            "token=9JRXAK1YKXRMNAED9CPS9I4CIM&channel_id=c&post_id=p&text=hi",
        ])
    func aBadTokenInAFormIsUnauthorized(body: String) {
        #expect(refusal(of: request(Array(body.utf8)), by: channel) == .unauthorized)
    }

    @Test func aBadTokenInJSONIsUnauthorized() {
        #expect(refusal(of: jsonRequest(#"{"token": "wrong", "channel_id": "c", "post_id": "p"}"#), by: channel) == .unauthorized)
        #expect(refusal(of: jsonRequest(#"{"token": 12345, "channel_id": "c", "post_id": "p"}"#), by: channel) == .unauthorized)
        #expect(refusal(of: jsonRequest(#"{"channel_id": "c", "post_id": "p"}"#), by: channel) == .unauthorized)
    }

    @Test func aFormTamperedInTheTokenIsRefused() throws {
        var body = try Fixture.bytes("mattermost-outgoing.form")
        let token = try #require(body.firstRange(of: Array(Self.token.utf8)))
        body[token.lowerBound] = UInt8(ascii: "8")
        #expect(refusal(of: request(body), by: channel) == .unauthorized)
    }

    @Test(
        "Anything but a form or JSON is an unsupported media type",
        arguments: ["text/plain", "multipart/form-data; boundary=x", ""])
    func aWrongContentTypeIsRefused(contentType: String) throws {
        let error = refusal(of: request(try Fixture.bytes("mattermost-outgoing.form"), contentType: contentType), by: channel)
        guard case .unsupportedMediaType = error else {
            Issue.record("Expected unsupported media type, got \(String(describing: error))")
            return
        }
        #expect(error?.status == 415)
    }

    @Test func malformedBodiesAreABadRequest() {
        expectPlainBadRequest(refusal(of: jsonRequest("{\"token\": "), by: channel))
        expectPlainBadRequest(refusal(of: jsonRequest(#"["token", "\#(Self.token)"]"#), by: channel))
        expectPlainBadRequest(refusal(of: request([0xff, 0xfe], contentType: "application/json"), by: channel))
        expectPlainBadRequest(refusal(of: request([0x74, 0x3d, 0xff, 0xfe]), by: channel))
        expectPlainBadRequest(refusal(of: request(Array("token=\(Self.token)&text=100%".utf8)), by: channel))
    }

    @Test func missingIdentifiersAreABadRequestNamingTheField() {
        expectPlainBadRequest(
            refusal(of: request(Array("token=\(Self.token)&channel_id=c1&text=hi".utf8)), by: channel), mentioning: "post_id")
        expectPlainBadRequest(
            refusal(of: jsonRequest(#"{"token": "\#(Self.token)", "post_id": "p1", "channel_id": ""}"#), by: channel),
            mentioning: "channel_id")
    }

    // MARK: Replying

    let event = InboundEvent(
        channel: "mattermost", eventID: "pmbmxbyukbfhxyorwy9qnhsd1w", conversation: "hawos4dqtby53pd64o4a4cmeoo",
        participant: "rnina9994bde8mua79zqcg5hmo", text: "x")

    @Test func theReplyIsJSONTextWithNumberedChoices() throws {
        let replies = [
            OutboundMessage("Thanks — noted."),
            OutboundMessage("How do you communicate with partners?", choices: chartChoices),
        ]
        let reply = channel.reply(to: event, with: replies, context: ReplyContext())
        #expect(reply.response.status == 200)
        #expect(reply.response.contentType?.hasPrefix("application/json") == true)
        #expect(reply.followUps.isEmpty)
        let body = try jsonObject(reply.response.body)
        #expect(Array(body.keys) == ["text"])
        let lines = chartChoices.map { "\($0.number). \($0.label)" }
        let expected = (["Thanks — noted.", "", "How do you communicate with partners?", ""] + lines).joined(separator: "\n")
        #expect(body["text"] as? String == expected)
    }

    @Test func aRepromptThatListsItsChoicesDoesNotListThemTwice() throws {
        let text =
            "Sorry, I didn't catch that. Reply with a number:\n1. Partners may know a little about it.\n2. Information is shared with partners."
        let reply = channel.reply(
            to: event, with: [OutboundMessage(text, choices: Array(chartChoices.prefix(2)))], context: ReplyContext())
        #expect(try jsonObject(reply.response.body)["text"] as? String == text)
    }

    @Test func whatPeopleTypedIsShownAsTypedWithoutMentionsImagesOrFormatting() throws {
        let echoed = OutboundMessage("Thanks. How does @all ![t](http://x) share *news* with [partners](http://y)?")
        let text = try #require(
            try jsonObject(channel.reply(to: event, with: [echoed], context: ReplyContext()).response.body)["text"] as? String)
        #expect(!text.contains("@all"), "a mention would notify the whole channel")
        #expect(text.contains("@\u{200B}all"))
        #expect(!text.contains("!["), "an image would load from the address")
        #expect(text.contains("\\[partners\\](http://y)"), "a link shows as typed")
        #expect(text.contains("\\*news\\*"))
    }

    @Test func anAddressInTheMiddleOfAWordIsLeftAlone() throws {
        let text = try #require(
            try jsonObject(
                channel.reply(to: event, with: [OutboundMessage("Write to maria@example.org")], context: ReplyContext())
                    .response.body)["text"] as? String)
        #expect(text == "Write to maria@example.org")
    }
}
